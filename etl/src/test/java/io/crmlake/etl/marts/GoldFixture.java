package io.crmlake.etl.marts;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Tiny gold tables written straight into a lake, for mart tests: rows are given as
 * "column=value" pairs; columns not given are null, or a neutral value (0, false, "") when the
 * catalog says NOT NULL, so each test writes only what its known answer depends on.
 */
public final class GoldFixture {

    private final LakeTables tables;
    private final Map<String, List<Row>> rows = new HashMap<>();

    public GoldFixture(LakeTables tables) {
        this.tables = tables;
    }

    public GoldFixture row(String table, Object... columnValuePairs) {
        Table t = tables.table(table);
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            String name = (String) columnValuePairs[i];
            if (t.columns().stream().noneMatch(c -> c.name().equals(name))) {
                throw new IllegalArgumentException(table + " has no column " + name);
            }
            given.put(name, columnValuePairs[i + 1]);
        }
        Object[] values = new Object[t.columns().size()];
        for (int c = 0; c < values.length; c++) {
            Column column = t.columns().get(c);
            Object v = given.containsKey(column.name()) ? given.get(column.name()) : neutral(column);
            values[c] = convert(column, v);
        }
        rows.computeIfAbsent(table, k -> new ArrayList<>()).add(RowFactory.create(values));
        return this;
    }

    /** Overwrites every table given rows (one Delta write per table). */
    public void write() {
        rows.forEach((table, list) -> tables.overwrite(table,
                tables.spark().createDataFrame(list, SparkTypes.struct(tables.table(table).columns()))));
    }

    private static Object neutral(Column column) {
        if (column.nullable()) {
            return null;
        }
        return switch (column.type().stored().kind()) {
            case STRING -> "";
            case INT -> 0;
            case BIGINT -> 0L;
            case DOUBLE -> 0.0;
            case BOOLEAN -> false;
            case DECIMAL -> BigDecimal.ZERO;
            case DATE -> java.sql.Date.valueOf("2000-01-01");
            case TIMESTAMP -> java.sql.Timestamp.valueOf("2000-01-01 00:00:00");
            default -> throw new IllegalStateException("no neutral value for " + column.name());
        };
    }

    private static Object convert(Column column, Object v) {
        if (v == null) {
            return null;
        }
        return switch (column.type().stored().kind()) {
            case DECIMAL -> new BigDecimal(v.toString()).setScale(column.type().stored().scale());
            case BIGINT -> ((Number) v).longValue();
            case INT -> ((Number) v).intValue();
            case DOUBLE -> ((Number) v).doubleValue();
            case DATE -> java.sql.Date.valueOf(v.toString());
            case TIMESTAMP -> java.sql.Timestamp.valueOf(v.toString());
            default -> v;
        };
    }
}
