package io.crmlake.api.catalog;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads result rows as the catalog types them (dates as ISO dates, money as exact decimals). */
public final class Rows {

    private Rows() {
    }

    public static Object value(ResultSet rs, int index, Column column) throws SQLException {
        Object v = switch (column.type().stored().kind()) {
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> rs.getObject(index, OffsetDateTime.class);
            case DECIMAL -> rs.getBigDecimal(index);
            case INT -> rs.getInt(index);
            case BIGINT -> rs.getLong(index);
            case DOUBLE -> rs.getDouble(index);
            case BOOLEAN -> rs.getBoolean(index);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : v;
    }

    /** One row of {@code SELECT <all catalog columns>} as column → value, in catalog order. */
    public static Map<String, Object> row(ResultSet rs, List<Column> columns) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i).name(), value(rs, i + 1, columns.get(i)));
        }
        return row;
    }

    public static Map<String, Object> row(ResultSet rs, Table table) throws SQLException {
        return row(rs, table.columns());
    }
}
