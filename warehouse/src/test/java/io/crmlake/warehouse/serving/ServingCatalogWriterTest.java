package io.crmlake.warehouse.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishedTable.Storage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes Parquet files that DuckDB itself wrote (COPY … TO), as Spark would leave them in a
 * Delta table: one table copied in, one partitioned fact as a view over hive folders (with
 * Spark's null-partition folder), one table that does not exist yet; then reads the catalog
 * back: types, order, comments, values, metadata, and the atomic swap.
 */
class ServingCatalogWriterTest {

    static final Table CUSTOMER = new Table("demo_customer", Layer.GOLD, "Customers, one row each", List.of(
            Column.of("customer_id", DataType.STRING, false, "Customer id"),
            Column.of("name", DataType.STRING, true, "Name (personal data)"),
            Column.of("birth_date", DataType.DATE, true, "Date of birth"),
            Column.of("joined_at", DataType.TIMESTAMP, false, "When the customer joined"),
            Column.of("balance", DataType.MONEY, true, "Prepaid balance"),
            Column.of("is_vip", DataType.BOOLEAN, false, "VIP flag"),
            Column.of("visits", DataType.INT, false, "Visits so far"),
            Column.of("score", DataType.DOUBLE, true, "Model score"),
            Column.of("lifetime_txns", DataType.BIGINT, false, "Transactions ever")),
            List.of("customer_id"), List.of());

    static final Table VISIT = new Table("demo_visit", Layer.GOLD, "Store visits, partitioned by month", List.of(
            Column.of("visit_id", DataType.STRING, false, "Visit id"),
            Column.of("customer_id", DataType.STRING, false, "Customer id"),
            Column.of("month_key", DataType.INT, true, "Month as yyyymm"),
            Column.of("amount", DataType.MONEY, false, "Spend")),
            List.of("visit_id"), List.of("month_key"));

    static final Table SCORE = new Table("demo_score", Layer.MART, "Scores, not computed yet", List.of(
            Column.of("customer_id", DataType.STRING, false, "Customer id"),
            Column.of("as_of_date", DataType.DATE, false, "Scoring date")),
            List.of(), List.of());

    @TempDir
    static Path dir;
    static List<String> customerFiles;
    static List<String> visitFiles;

    @BeforeAll
    static void writeParquet() throws Exception {
        Path customer = dir.resolve("lake/gold/demo_customer");
        Path visit = dir.resolve("lake/gold/demo_visit");
        Files.createDirectories(customer);
        Files.createDirectories(visit.resolve("month_key=" + PublishedTable.HIVE_NULL_PARTITION));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // joined_at as a naive TIMESTAMP holding UTC, the way Spark's INT96 reads in DuckDB.
            st.execute("COPY (SELECT * FROM (VALUES "
                    + "('C1', '张伟', DATE '1980-05-17', TIMESTAMP '2024-01-02 03:04:05', 1234.50::DECIMAL(18,2), true, 3, 0.25, 12::BIGINT), "
                    + "('C2', NULL, NULL, TIMESTAMP '2024-02-29 23:59:59', NULL, false, 0, NULL, 0::BIGINT)) "
                    + "t(customer_id, name, birth_date, joined_at, balance, is_vip, visits, score, lifetime_txns)) "
                    + "TO '" + customer.resolve("part-0.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT visit_id, customer_id, month_key, amount::DECIMAL(18,2) AS amount FROM (VALUES "
                    + "('V1', 'C1', 202401, 10.00), ('V2', 'C1', 202402, 20.50), "
                    + "('V3', 'C2', 202402, 5.25)) t(visit_id, customer_id, month_key, amount)) "
                    + "TO '" + visit + "' (FORMAT parquet, PARTITION_BY (month_key), OVERWRITE_OR_IGNORE)");
            st.execute("COPY (SELECT 'V4' AS visit_id, 'C2' AS customer_id, 1.00::DECIMAL(18,2) AS amount) TO '"
                    + visit.resolve("month_key=" + PublishedTable.HIVE_NULL_PARTITION).resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        customerFiles = parquetFiles(customer);
        visitFiles = parquetFiles(visit);
        assertThat(visitFiles).hasSize(3);
    }

    static List<PublishedTable> tables() {
        return List.of(
                new PublishedTable(CUSTOMER, customerFiles, 4, Storage.TABLE),
                new PublishedTable(VISIT, visitFiles, 7, Storage.VIEW),
                PublishedTable.absent(SCORE));
    }

    @Test
    void publishesTablesViewsAndEmptyTablesWithCatalogTypesCommentsAndMetadata() throws Exception {
        Path serving = dir.resolve("serving-a");
        Instant at = Instant.parse("2026-11-24T03:30:00.123456Z");
        PublishSummary summary = ServingCatalogWriter.publish(serving, tables(), at);

        assertThat(summary.tables()).extracting(PublishSummary.Entry::table, PublishSummary.Entry::rows, PublishSummary.Entry::storage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demo_customer", 2L, Storage.TABLE),
                        org.assertj.core.groups.Tuple.tuple("demo_visit", 4L, Storage.VIEW),
                        org.assertj.core.groups.Tuple.tuple("demo_score", 0L, Storage.TABLE));
        assertThat(summary.fileBytes()).isEqualTo(Files.size(serving.resolve("crmlake.duckdb")));
        try (Stream<Path> files = Files.list(serving)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("crmlake.duckdb");
        }

        try (ServingCatalog catalog = ServingCatalog.open(serving); Connection c = catalog.connect()) {
            assertThat(catalog.publishedAt()).isEqualTo(at);
            assertThat(catalog.deltaVersions()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("demo_customer", 4L, "demo_visit", 7L, "demo_score", -1L));

            assertThat(columns(c, "demo_customer")).containsExactly(
                    "customer_id VARCHAR Customer id", "name VARCHAR Name (personal data)", "birth_date DATE Date of birth",
                    "joined_at TIMESTAMP WITH TIME ZONE When the customer joined", "balance DECIMAL(18,2) Prepaid balance",
                    "is_vip BOOLEAN VIP flag", "visits INTEGER Visits so far", "score DOUBLE Model score",
                    "lifetime_txns BIGINT Transactions ever");
            assertThat(columns(c, "demo_visit")).containsExactly("visit_id VARCHAR Visit id", "customer_id VARCHAR Customer id",
                    "month_key INTEGER Month as yyyymm", "amount DECIMAL(18,2) Spend");
            assertThat(columns(c, "demo_score")).containsExactly("customer_id VARCHAR Customer id", "as_of_date DATE Scoring date");
            assertThat(strings(c, "SELECT table_name || ' ' || comment FROM duckdb_tables() WHERE table_name LIKE 'demo%' "
                    + "UNION ALL SELECT view_name || ' ' || comment FROM duckdb_views() WHERE view_name LIKE 'demo%' ORDER BY 1"))
                    .containsExactly("demo_customer Customers, one row each", "demo_score Scores, not computed yet",
                            "demo_visit Store visits, partitioned by month");

            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM demo_customer ORDER BY customer_id")) {
                rs.next();
                assertThat(rs.getString("name")).isEqualTo("张伟");
                assertThat(rs.getObject("birth_date", LocalDate.class)).isEqualTo(LocalDate.of(1980, 5, 17));
                assertThat(rs.getObject("joined_at", OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
                assertThat(rs.getBigDecimal("balance")).isEqualByComparingTo(new BigDecimal("1234.50"));
                assertThat(rs.getBoolean("is_vip")).isTrue();
                assertThat(rs.getInt("visits")).isEqualTo(3);
                assertThat(rs.getDouble("score")).isEqualTo(0.25);
                assertThat(rs.getLong("lifetime_txns")).isEqualTo(12L);
                rs.next();
                assertThat(rs.getObject("joined_at", OffsetDateTime.class).toInstant()).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
                assertThat(rs.getString("name")).isNull();
                assertThat(rs.next()).isFalse();
            }
            assertThat(strings(c, "SELECT visit_id || ' ' || coalesce(month_key::VARCHAR, 'null') || ' ' || amount "
                    + "FROM demo_visit ORDER BY visit_id"))
                    .containsExactly("V1 202401 10.00", "V2 202402 20.50", "V3 202402 5.25", "V4 null 1.00");
            assertThat(strings(c, "SELECT table_name || ' ' || layer || ' ' || delta_version || ' ' || row_count || ' ' || storage "
                    + "FROM crmlake_publish ORDER BY table_name"))
                    .containsExactly("demo_customer gold 4 2 table", "demo_score mart -1 0 table", "demo_visit gold 7 4 view");
            assertThat(strings(c, "SELECT count(DISTINCT published_at)::VARCHAR FROM crmlake_publish")).containsExactly("1");
            assertThatThrownBy(() -> c.createStatement().execute("DELETE FROM demo_customer"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void anOpenCatalogKeepsItsVersionWhileANewOpenSeesTheNextPublish() throws Exception {
        Path serving = dir.resolve("serving-b");
        Instant first = Instant.parse("2026-11-01T00:00:00Z");
        Instant second = Instant.parse("2026-11-02T00:00:00Z");
        ServingCatalogWriter.publish(serving, tables(), first);
        try (ServingCatalog old = ServingCatalog.open(serving); Connection oldConnection = old.connect()) {
            List<PublishedTable> fewer = List.of(new PublishedTable(CUSTOMER, List.of(), 5, Storage.TABLE),
                    new PublishedTable(VISIT, visitFiles, 8, Storage.VIEW), PublishedTable.absent(SCORE));
            ServingCatalogWriter.publish(serving, fewer, second);

            try (ServingCatalog current = ServingCatalog.open(serving); Connection c = current.connect()) {
                assertThat(current.publishedAt()).isEqualTo(second);
                assertThat(strings(c, "SELECT count(*)::VARCHAR FROM demo_customer")).containsExactly("0");
                assertThat(current.deltaVersions()).containsEntry("demo_visit", 8L);
            }
            assertThat(old.publishedAt()).isEqualTo(first);
            assertThat(strings(oldConnection, "SELECT count(*)::VARCHAR FROM demo_customer")).containsExactly("2");
            try (Connection another = old.connect()) {
                assertThat(strings(another, "SELECT max(published_at) = TIMESTAMPTZ '2026-11-01 00:00:00+00' FROM crmlake_publish"))
                        .containsExactly("true");
            }
        }
    }

    @Test
    void openingWithoutACatalogSaysWhatToRun() {
        Path empty = dir.resolve("nothing-here");
        assertThatThrownBy(() -> ServingCatalog.open(empty))
                .isInstanceOf(MissingCatalogException.class)
                .hasMessage("no catalog at " + empty.resolve("crmlake.duckdb").toAbsolutePath() + "; run `crmlake run` first");
    }

    @Test
    void filesThatLackACatalogColumnAreRefusedNamingTableAndColumnAndTheOldCatalogStays() throws Exception {
        Path serving = dir.resolve("serving-c");
        ServingCatalogWriter.publish(serving, tables(), Instant.parse("2026-11-01T00:00:00Z"));
        Table wider = CUSTOMER.withColumns(List.of(Column.of("segment", DataType.STRING, true, "Segment")));
        assertThatThrownBy(() -> ServingCatalogWriter.publish(serving,
                List.of(new PublishedTable(wider, customerFiles, 5, Storage.TABLE)), Instant.now()))
                .hasMessageContaining("demo_customer").hasMessageContaining("no column 'segment'");
        try (Stream<Path> files = Files.list(serving)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("crmlake.duckdb");
        }
        try (ServingCatalog catalog = ServingCatalog.open(serving)) {
            assertThat(catalog.publishedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        }
    }

    @Test
    void filesFromBeforeAColumnWasAddedReadAsNullThereAndUniformFilesSkipTheUnion() throws Exception {
        Path evolved = dir.resolve("lake/gold/demo_evolved");
        Files.createDirectories(evolved);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'A' AS id) TO '" + evolved.resolve("part-0.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT 'B' AS id, 'gold' AS tier) TO '" + evolved.resolve("part-1.parquet") + "' (FORMAT parquet)");
        }
        Table table = new Table("demo_evolved", Layer.GOLD, "A table that gained a column", List.of(
                Column.of("id", DataType.STRING, false, "Id"), Column.of("tier", DataType.STRING, true, "Added later")),
                List.of("id"), List.of());
        Path serving = dir.resolve("serving-d");
        ServingCatalogWriter.publish(serving, List.of(
                new PublishedTable(table, parquetFiles(evolved), 2, Storage.VIEW),
                new PublishedTable(VISIT, visitFiles, 7, Storage.VIEW)), Instant.parse("2026-11-01T00:00:00Z"));
        try (ServingCatalog catalog = ServingCatalog.open(serving); Connection c = catalog.connect()) {
            assertThat(strings(c, "SELECT id || ':' || coalesce(tier, 'null') FROM demo_evolved ORDER BY id"))
                    .containsExactly("A:null", "B:gold");
            assertThat(strings(c, "SELECT view_name || ' ' || (sql LIKE '%union_by_name = true%') FROM duckdb_views() "
                    + "WHERE view_name LIKE 'demo%' ORDER BY 1"))
                    .containsExactly("demo_evolved true", "demo_visit false");
        }
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, "SELECT column_name || ' ' || data_type || ' ' || comment FROM duckdb_columns() "
                + "WHERE table_name = '" + table + "' ORDER BY column_index");
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static List<String> parquetFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).map(Path::toString).sorted().toList();
        }
    }
}
