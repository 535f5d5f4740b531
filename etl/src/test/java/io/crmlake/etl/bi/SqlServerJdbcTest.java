package io.crmlake.etl.bi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crmlake sql-server} in its own JVM over a tiny lake written here, queried by the real
 * Apache Hive JDBC driver (hive-jdbc 4.0.1 standalone) in its own class loader: the metadata a
 * BI tool reads (tables, columns, types, comments), a fact-dimension join with Chinese text,
 * Delta time travel, read-only sessions, and a second start that picks up a new table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlServerJdbcTest {

    @TempDir
    static Path dir;

    static Path lake;
    static LakeTables tables;
    static SqlServerProcess server;
    static IsolatedHiveJdbc jdbc;
    static long twoRowVersion;

    @BeforeAll
    static void startServerOverTinyLake() throws Exception {
        lake = dir.resolve("lake");
        tables = SharedSpark.lake(lake);
        write("dim_customer", true,
                row("customer_sk", 1L, "customer_id", "C1", "version", 1, "valid_from", ts("2024-01-01 00:00:00"),
                        "valid_to", ts("9999-12-31 00:00:00"), "is_current", true, "name", "张伟", "city", "杭州", "row_hash", 11L),
                row("customer_sk", 2L, "customer_id", "C2", "version", 1, "valid_from", ts("2024-01-01 00:00:00"),
                        "valid_to", ts("9999-12-31 00:00:00"), "is_current", true, "name", "李娜", "city", "上海", "row_hash", 22L));
        write("fact_transaction", true, txn("T1", 1L, "C1", "10.00"), txn("T2", 2L, "C2", "5.50"));
        twoRowVersion = tables.version("fact_transaction");
        write("fact_transaction", false, txn("T3", 1L, "C1", "20.00"));
        jdbc = new IsolatedHiveJdbc();
        server = SqlServerProcess.start(lake, dir.resolve("work"), dir.resolve("cwd"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (jdbc != null) {
            jdbc.close();
        }
    }

    @Test
    @Order(1)
    void theDriverIsTheIsolatedHiveJdbcJar() {
        assertThat(jdbc.driverLoader()).isNotSameAs(getClass().getClassLoader());
        assertThat(server.output()).anyMatch(l -> l.contains("registered 2 tables in database crmlake: 2 new"));
    }

    @Test
    @Order(2)
    void biToolsSeeEveryCatalogColumnWithTypeAndComment() throws Exception {
        try (Connection c = jdbc.connect(server.url())) {
            DatabaseMetaData meta = c.getMetaData();
            Map<String, String> tableComments = new LinkedHashMap<>();
            try (ResultSet rs = meta.getTables(null, "crmlake", "%", null)) {
                while (rs.next()) {
                    tableComments.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
                }
            }
            assertThat(tableComments).containsOnlyKeys("dim_customer", "fact_transaction");
            for (String name : tableComments.keySet()) {
                Table table = Catalog.get().table(name);
                assertThat(tableComments.get(name)).isEqualTo(table.comment());
                List<String> names = new ArrayList<>();
                try (ResultSet rs = meta.getColumns(null, "crmlake", name, "%")) {
                    while (rs.next()) {
                        Column expected = table.column(rs.getString("COLUMN_NAME")).orElseThrow(
                                () -> new AssertionError(name + " has a column the catalog does not know"));
                        names.add(expected.name());
                        assertThat(rs.getString("TYPE_NAME")).as(name + "." + expected.name())
                                .isEqualTo(expected.type().sparkSql());
                        assertThat(rs.getString("REMARKS")).as(name + "." + expected.name()).isEqualTo(expected.comment());
                        if (expected.name().equals("amount")) {
                            assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                        }
                    }
                }
                assertThat(names).as("columns of " + name + " in catalog order").isEqualTo(table.columnNames());
            }
        }
    }

    @Test
    @Order(3)
    void aFactJoinsItsDimensionAndChineseTextArrivesIntact() throws Exception {
        List<String> result = query("""
                SELECT c.name, c.city, SUM(f.revenue) AS revenue, COUNT(*) AS txns
                FROM crmlake.fact_transaction f
                JOIN crmlake.dim_customer c ON f.customer_sk = c.customer_sk
                GROUP BY c.name, c.city
                ORDER BY revenue DESC""");
        assertThat(result).containsExactly("张伟|杭州|30.00|2", "李娜|上海|5.50|1");
    }

    @Test
    @Order(4)
    void deltaTimeTravelWorksThroughJdbc() throws Exception {
        assertThat(query("SELECT COUNT(*) FROM crmlake.fact_transaction VERSION AS OF " + twoRowVersion)).containsExactly("2");
        assertThat(query("SELECT COUNT(*) FROM crmlake.fact_transaction")).containsExactly("3");
        assertThat(query("DESCRIBE HISTORY crmlake.fact_transaction")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(5)
    void biSessionsAreReadOnly() throws Exception {
        try (Connection c = jdbc.connect(server.url()); Statement s = c.createStatement()) {
            for (String write : List.of(
                    "DELETE FROM crmlake.fact_transaction",
                    "INSERT INTO crmlake.fact_transaction SELECT * FROM crmlake.fact_transaction",
                    "CREATE TABLE crmlake.scratch (a INT) USING DELTA",
                    "DROP TABLE crmlake.dim_customer",
                    "SET spark.sql.runSQLOnFiles=true")) {
                assertThatThrownBy(() -> s.execute(write)).as(write)
                        .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM delta.`" + tables.location("dim_customer") + "`"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(query("SELECT COUNT(*) FROM crmlake.fact_transaction")).containsExactly("3");
        assertThat(tables.read("dim_customer").count()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void hiveKeepsItsStateInTheWorkDirectoryAndTheLake() {
        assertThat(dir.resolve("work/derby.log")).isRegularFile();
        assertThat(lake.resolve("_metastore/metastore_db")).isDirectory();
        assertThat(dir.resolve("cwd/derby.log")).doesNotExist();
        assertThat(dir.resolve("cwd/metastore_db")).doesNotExist();
        assertThat(dir.resolve("cwd/spark-warehouse")).doesNotExist();
    }

    @Test
    @Order(7)
    void aSecondServerOnTheSameEmbeddedMetastoreSaysSoInOneSentence() throws Exception {
        SqlServerProcess.Exit second = SqlServerProcess.runToExit(dir.resolve("cwd-second"), "sql-server",
                "--lake", lake.toString(), "--port", Integer.toString(SqlServerProcess.freePort()),
                "--work-dir", dir.resolve("work-second").toString());
        assertThat(second.code()).as(second.stderr()).isEqualTo(2);
        assertThat(second.stderr()).contains("crmlake sql-server: the embedded metastore " + lake.resolve("_metastore/metastore_db")
                + " is in use by another crmlake sql-server on this lake; stop it, or give this one an external metastore with --metastore-uri")
                .doesNotContain("\tat ");
    }

    @Test
    @Order(8)
    void aSecondStartRegistersNewTablesAndKeepsTheOthers() throws Exception {
        server.close();
        write("dim_product", true, row("product_sk", 7L, "product_id", "P7", "name", "宽带套餐", "category", "broadband", "is_contract", true));
        server = SqlServerProcess.start(lake, dir.resolve("work"), dir.resolve("cwd"));
        assertThat(server.output()).anyMatch(l -> l.contains("registered 3 tables in database crmlake: 1 new, 0 updated, 2 unchanged, 0 removed"));
        assertThat(query("SELECT name FROM crmlake.dim_product")).containsExactly("宽带套餐");
        assertThat(query("SELECT COUNT(*) FROM crmlake.fact_transaction")).containsExactly("3");
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = jdbc.connect(server.url()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static Map<String, Object> txn(String id, long customerSk, String customerId, String amount) {
        BigDecimal value = new BigDecimal(amount);
        return row("txn_id", id, "month_key", 202401, "date_key", 20240115, "txn_ts", ts("2024-01-15 10:00:00"),
                "customer_sk", customerSk, "customer_id", customerId, "product_sk", -1L, "channel_sk", -1L,
                "org_unit_sk", -1L, "txn_type", "purchase", "amount", value, "revenue", value,
                "cost", BigDecimal.ZERO, "margin", value, "is_purchase", true, "_batch_id", "2024-01");
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static Timestamp ts(String text) {
        return Timestamp.valueOf(text);
    }

    /** A few rows straight into a gold table, every other column null. */
    @SafeVarargs
    private static void write(String name, boolean replace, Map<String, Object>... values) {
        Table table = Catalog.get().table(name);
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> v : values) {
            rows.add(RowFactory.create(table.columns().stream().map(c -> v.get(c.name())).toArray()));
        }
        var frame = tables.spark().createDataFrame(rows,
                SparkTypes.struct(table.columns().stream().map(c -> c.withNullable(true)).toList()));
        if (replace) {
            tables.overwrite(name, frame);
        } else {
            tables.append(name, frame);
        }
    }
}
