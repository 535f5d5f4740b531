package io.crmlake.warehouse.serving;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SELECT that turns a published table's Parquet files into the catalog's columns, in
 * catalog order and catalog types. Three things need care:
 * <ul>
 *   <li>partition columns are not in the files but in the hive-style folder names; they are read
 *       as text ({@code hive_types_autocast = false}) and cast, and Spark's
 *       {@code __HIVE_DEFAULT_PARTITION__} folder means null;</li>
 *   <li>Spark writes timestamps as INT96 or as TIMESTAMP_MICROS; both hold UTC instants, but
 *       DuckDB reads INT96 as a naive TIMESTAMP, which is therefore taken as UTC
 *       ({@code timezone('UTC', ts)}) rather than in the session's zone;</li>
 *   <li>files written before a column was added lack it; {@code union_by_name} fills nulls. It
 *       is only switched on when the files' columns differ, because it makes every query of a
 *       view read the footer of every file before it starts.</li>
 * </ul>
 */
final class ParquetScan {

    private final PublishedTable published;
    private final boolean hive;
    private boolean unionByName = true;

    ParquetScan(PublishedTable published) {
        this.published = published;
        this.hive = !published.table().partitionBy().isEmpty()
                && published.parquetFiles().stream().allMatch(f -> published.table().partitionBy().stream()
                        .allMatch(p -> f.contains("/" + p + "=")));
    }

    /** {@code read_parquet([...], ...)} over the table's files. */
    String source() {
        return "read_parquet(" + DuckSql.list(published.parquetFiles())
                + ", hive_partitioning = " + hive
                + ", hive_types_autocast = false, union_by_name = " + unionByName + ")";
    }

    /** {@code SELECT <catalog columns> FROM read_parquet(...)}, typed as the catalog says. */
    String select(Connection connection) throws SQLException {
        unionByName = !sameColumnsInEveryFile(connection);
        Map<String, String> fileTypes = describe(connection);
        String columns = published.table().columns().stream()
                .map(c -> expression(c, fileTypes) + " AS " + DuckSql.quote(c.name()))
                .collect(Collectors.joining(",\n       "));
        return "SELECT " + columns + "\nFROM " + source();
    }

    /** True when every file has the same Parquet schema (names, physical and logical types). */
    private boolean sameColumnsInEveryFile(Connection connection) throws SQLException {
        String schemas = "SELECT count(DISTINCT columns) FROM (SELECT file_name, string_agg(concat_ws(':', name, type, "
                + "converted_type, scale, precision), ',' ORDER BY name) AS columns FROM parquet_schema("
                + DuckSql.list(published.parquetFiles()) + ") GROUP BY file_name)";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(schemas)) {
            rs.next();
            return rs.getLong(1) <= 1;
        }
    }

    private Map<String, String> describe(Connection connection) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source())) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type").toUpperCase(Locale.ROOT));
            }
        }
        return types;
    }

    private String expression(Column column, Map<String, String> fileTypes) {
        String name = column.name();
        String fileType = fileTypes.get(name);
        if (fileType == null) {
            throw new ServingCatalogException("table " + published.name() + ": its Parquet files have no column '" + name
                    + "' (they have " + fileTypes.keySet() + "); the Delta table is older than the catalog, rebuild it");
        }
        String target = column.type().duckDb();
        String ref = DuckSql.quote(name);
        if (hive && published.table().partitionBy().contains(name)) {
            ref = "NULLIF(" + ref + ", " + DuckSql.literal(PublishedTable.HIVE_NULL_PARTITION) + ")";
            return "CAST(" + ref + " AS " + target + ")";
        }
        if (column.type().stored().kind() == DataType.Kind.TIMESTAMP && fileType.startsWith("TIMESTAMP")
                && !fileType.contains("TIME ZONE")) {
            return "timezone('UTC', CAST(" + ref + " AS TIMESTAMP))";
        }
        return fileType.equals(target) ? ref : "CAST(" + ref + " AS " + target + ")";
    }

    static String columnList(List<Column> columns) {
        return columns.stream().map(c -> DuckSql.quote(c.name())).collect(Collectors.joining(", "));
    }
}
