package io.crmlake.reports;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A small serving catalog (crmlake.duckdb) built the way publish builds the real one: every
 * GOLD and MART table of the catalog (plus ops_batch_log, ops_quarantine and crmlake_publish)
 * under its catalog name, columns in catalog order with the mapped DuckDB types, and the
 * catalog's comments. {@link #withSampleBusiness} then adds a handful of rows with Chinese
 * names that the report tests check against.
 */
final class ServingCatalogFixture {

    static final String FILE = "crmlake.duckdb";

    private ServingCatalogFixture() {}

    /** Creates {@code dir/crmlake.duckdb} with every table empty. */
    static Path createEmpty(Path dir) throws SQLException {
        Path file = dir.resolve(FILE);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            for (Table table : servingTables()) {
                st.execute(createTable(table));
                st.execute("COMMENT ON TABLE " + table.name() + " IS " + literal(table.comment()));
                for (Column column : table.columns()) {
                    st.execute("COMMENT ON COLUMN " + table.name() + "." + column.name() + " IS " + literal(column.comment()));
                }
            }
            st.execute("""
                    CREATE TABLE crmlake_publish (table_name VARCHAR, layer VARCHAR, delta_version BIGINT,
                        row_count BIGINT, storage VARCHAR, published_at TIMESTAMPTZ)""");
            st.execute("CHECKPOINT");
        }
        return file;
    }

    /** Creates the catalog and fills it with {@link SampleBusiness}. */
    static Path withSampleBusiness(Path dir) throws SQLException {
        Path file = createEmpty(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = c.createStatement()) {
            for (String sql : SampleBusiness.INSERTS) {
                st.execute(sql);
            }
            st.execute("CHECKPOINT");
        }
        return file;
    }

    /** Opens the file as the api and reports do: read-only. */
    static Connection readOnly(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file, props);
    }

    /** GOLD and MART tables of the catalog and the two ops tables. */
    static List<Table> servingTables() {
        Map<String, Table> tables = new LinkedHashMap<>();
        Catalog catalog = Catalog.get();
        for (Layer layer : List.of(Layer.GOLD, Layer.MART)) {
            catalog.tables(layer).forEach(t -> tables.put(t.name(), t));
        }
        tables.put("ops_batch_log", catalog.table("ops_batch_log"));
        tables.put("ops_quarantine", catalog.table("ops_quarantine"));
        return new ArrayList<>(tables.values());
    }

    private static String createTable(Table table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table.name()).append(" (");
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            sql.append(i == 0 ? "" : ", ").append('"').append(column.name()).append("\" ").append(column.type().duckDb());
        }
        return sql.append(')').toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
