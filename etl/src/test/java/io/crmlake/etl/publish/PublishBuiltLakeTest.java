package io.crmlake.etl.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.BuiltLake;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishSummary;
import io.crmlake.warehouse.serving.PublishedTable.Storage;
import io.crmlake.warehouse.serving.ServingCatalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishes the shared generated lake (read-only use: the catalog goes to a temporary folder) and
 * checks the serving catalog against Spark, table by table: same rows (count and checksum of the
 * sorted rows), catalog comments on every column, Delta versions as the Delta history says.
 */
class PublishBuiltLakeTest {

    @TempDir
    static Path serving;
    static LakeTables tables;
    static PublishSummary first;
    static Map<String, String> firstChecksums;
    static List<String> progress = new ArrayList<>();

    @BeforeAll
    static void publish() throws SQLException {
        tables = BuiltLake.tables();
        first = new PublishJob(tables, serving, progress::add).run();
        firstChecksums = duckDbChecksums(serving);
    }

    @Test
    void progressSaysHowLongTheDeltaLogsTookAndNothingWasExtracted() {
        long inLake = PublishJob.servedTables().stream().filter(t -> tables.exists(t.name())).count();
        assertThat(inLake).isGreaterThanOrEqualTo(13);
        assertThat(progress.get(0)).matches("  Delta logs of " + PublishJob.servedTables().size() + " tables read in \\d+\\.\\d s \\("
                + inLake + " in the lake, \\d+ data files\\); writing the catalog");
        // a local lake without deletion vectors is read in place: no Spark extract
        assertThat(progress).noneMatch(line -> line.contains("Parquet extract"));
        assertThat(progress).hasSize(1 + PublishJob.servedTables().size());
    }

    @Test
    void everyServedTableHoldsExactlyTheRowsSparkReads() throws SQLException {
        List<String> compared = new ArrayList<>();
        try (ServingCatalog catalog = ServingCatalog.open(serving); Connection c = catalog.connect()) {
            for (Table table : PublishJob.servedTables()) {
                List<String> served = CanonicalRows.duckDb(c, table);
                if (!tables.exists(table.name())) {
                    assertThat(served).as(table.name() + " is not in the lake yet").isEmpty();
                    continue;
                }
                List<String> lake = CanonicalRows.spark(tables.read(table.name()), table);
                assertThat(served.size()).as(table.name() + " rows").isEqualTo(lake.size());
                assertThat(CanonicalRows.checksum(served)).as(table.name() + " checksum").isEqualTo(CanonicalRows.checksum(lake));
                compared.add(table.name());
            }
        }
        assertThat(compared).contains("dim_customer", "fact_transaction", "fact_touchpoint", "fact_customer_month", "ops_batch_log");
        assertThat(first.tables()).filteredOn(e -> e.table().equals("fact_transaction"))
                .singleElement().satisfies(e -> {
                    assertThat(e.storage()).isEqualTo(Storage.VIEW);
                    assertThat(e.rows()).isPositive();
                });
        assertThat(first.tables()).filteredOn(e -> e.table().equals("dim_customer"))
                .singleElement().extracting(PublishSummary.Entry::storage).isEqualTo(Storage.TABLE);
    }

    @Test
    void chineseNamesSurvive() throws SQLException {
        long sparkHan = tables.read("dim_customer").filter("name rlike '\\\\p{IsHan}'").count();
        try (ServingCatalog catalog = ServingCatalog.open(serving); Connection c = catalog.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM dim_customer WHERE regexp_matches(name, '\\p{Han}')")) {
            rs.next();
            assertThat(sparkHan).isPositive();
            assertThat(rs.getLong(1)).isEqualTo(sparkHan);
        }
    }

    @Test
    void everyTableAndColumnCarriesTheCatalogComment() throws SQLException {
        try (ServingCatalog catalog = ServingCatalog.open(serving); Connection c = catalog.connect()) {
            Map<String, String> tableComments = pairs(c, "SELECT table_name, comment FROM duckdb_tables() "
                    + "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal");
            Map<String, String> columnComments = pairs(c, "SELECT table_name || '.' || column_name, comment FROM duckdb_columns()");
            for (Table table : PublishJob.servedTables()) {
                assertThat(tableComments).containsEntry(table.name(), table.comment());
                for (Column column : table.columns()) {
                    assertThat(columnComments).containsEntry(table.name() + "." + column.name(), column.comment());
                }
            }
        }
    }

    @Test
    void publishedVersionsAreTheDeltaVersionsAndTheTimeIsOnePerPublish() throws SQLException {
        try (ServingCatalog catalog = ServingCatalog.open(serving)) {
            assertThat(catalog.publishedAt()).isEqualTo(first.publishedAt());
            for (Table table : PublishJob.servedTables()) {
                long expected = tables.exists(table.name()) ? tables.version(table.name()) : -1;
                assertThat(catalog.deltaVersions()).containsEntry(table.name(), expected);
            }
        }
    }

    @Test
    void republishingAnUnchangedLakeGivesTheSameContent() throws SQLException {
        Path again = serving.resolve("again");
        PublishSummary second = new PublishJob(tables, again, line -> { }).run();
        assertThat(second.publishedAt()).isAfter(first.publishedAt());
        assertThat(duckDbChecksums(again)).isEqualTo(firstChecksums);
        assertThat(second.tables()).isEqualTo(first.tables());
    }

    static Map<String, String> duckDbChecksums(Path servingDir) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (ServingCatalog catalog = ServingCatalog.open(servingDir); Connection c = catalog.connect()) {
            for (Table table : PublishJob.servedTables()) {
                sums.put(table.name(), CanonicalRows.checksum(CanonicalRows.duckDb(c, table)));
            }
        }
        return sums;
    }

    static Map<String, String> pairs(Connection c, String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }
}
