package io.crmlake.api.support;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The marts the customer and KPI views read, with the key columns the team agreed on (issue 5
 * brief). They stand in only while this branch's catalog does not define them yet; once the
 * mart branches are merged, {@link #servedWithStandIns()} uses the real definitions.
 */
public final class AgreedMarts {

    private AgreedMarts() {
    }

    static final List<Table> STAND_INS = List.of(
            mart("mart_kpi", List.of("month_key", "org_unit_id", "kpi", "variant"),
                    col("month_key", DataType.INT), col("org_unit_id", DataType.STRING), col("kpi", DataType.STRING),
                    col("variant", DataType.STRING), col("numerator", DataType.DOUBLE), col("denominator", DataType.DOUBLE),
                    col("actual", DataType.DOUBLE), col("target", DataType.DOUBLE), col("operator", DataType.STRING),
                    col("status", DataType.STRING), col("target_version", DataType.STRING)),
            mart("mart_customer_value", List.of("as_of_date", "customer_id"),
                    col("as_of_date", DataType.DATE), col("customer_id", DataType.STRING), col("relationship", DataType.STRING),
                    col("p_alive", DataType.DOUBLE), col("expected_purchases_365d", DataType.DOUBLE),
                    col("clv", DataType.MONEY), col("clv_decile", DataType.INT), col("value_band", DataType.STRING),
                    col("model", DataType.STRING)),
            mart("mart_segment_month", List.of("month_key", "scheme", "customer_id"),
                    col("month_key", DataType.INT), col("scheme", DataType.STRING), col("customer_id", DataType.STRING),
                    col("segment", DataType.STRING), col("segment_rank", DataType.INT), col("revenue", DataType.MONEY)),
            mart("mart_warning", List.of("warning_id"),
                    col("warning_id", DataType.STRING), col("customer_id", DataType.STRING), col("warning_type", DataType.STRING),
                    col("triggered_on", DataType.DATE), col("due_date", DataType.DATE), col("owner_staff_id", DataType.STRING),
                    col("org_unit_id", DataType.STRING), col("detail", DataType.STRING), col("suggested_channel", DataType.STRING),
                    col("status", DataType.STRING), col("completed_at", DataType.TIMESTAMP),
                    col("completed_by_touchpoint_id", DataType.STRING)));

    /** The catalog's tables, plus a stand-in for each agreed mart it does not define yet. */
    public static List<Table> catalogWithStandIns() {
        List<Table> tables = new ArrayList<>(Catalog.get().tables());
        for (Table t : STAND_INS) {
            if (Catalog.get().find(t.name()).isEmpty()) {
                tables.add(t);
            }
        }
        return tables;
    }

    private static Table mart(String name, List<String> key, Column... columns) {
        return new Table(name, Layer.MART, "Stand-in for " + name + " (agreed columns)", List.of(columns), key, List.of());
    }

    private static Column col(String name, DataType type) {
        return Column.of(name, type, true, name.replace('_', ' '));
    }
}
