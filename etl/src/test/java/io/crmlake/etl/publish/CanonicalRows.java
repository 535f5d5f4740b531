package io.crmlake.etl.publish;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table's rows as engine-neutral text (instants in UTC, decimals without trailing zeros,
 * dates ISO), sorted, so that Spark's and DuckDB's view of one table can be compared exactly.
 */
final class CanonicalRows {

    private CanonicalRows() {}

    static List<String> spark(Dataset<Row> frame, Table table) {
        List<Row> rows = frame.select(table.columnNames().stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
        List<String> lines = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(text(r.isNullAt(i) ? null : r.get(i)));
            }
            lines.add(String.join("|", cells));
        }
        return lines.stream().sorted().toList();
    }

    static List<String> duckDb(Connection connection, Table table) throws SQLException {
        String columns = table.columnNames().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
        List<String> lines = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + columns + " FROM \"" + table.name() + "\"")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    cells.add(text(value(rs, i + 1, table.columns().get(i))));
                }
                lines.add(String.join("|", cells));
            }
        }
        return lines.stream().sorted().toList();
    }

    static String checksum(List<String> sortedLines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : sortedLines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(ResultSet rs, int index, Column column) throws SQLException {
        Object value = switch (column.type().stored().kind()) {
            case TIMESTAMP -> rs.getObject(index, OffsetDateTime.class);
            case DATE -> rs.getObject(index, LocalDate.class);
            case DECIMAL -> rs.getBigDecimal(index);
            case INT, BIGINT -> rs.getLong(index);
            case DOUBLE -> rs.getDouble(index);
            case BOOLEAN -> rs.getBoolean(index);
            default -> rs.getString(index);
        };
        return rs.wasNull() ? null : value;
    }

    private static String text(Object v) {
        if (v == null) {
            return "∅";
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Long.toString(((Number) v).longValue());
        }
        if (v instanceof Float || v instanceof Double) {
            return Double.toString(((Number) v).doubleValue());
        }
        return v.toString();
    }
}
