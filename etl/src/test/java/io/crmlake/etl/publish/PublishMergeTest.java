package io.crmlake.etl.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishSummary;
import io.crmlake.warehouse.serving.PublishedTable.Storage;
import io.crmlake.warehouse.serving.ServingCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MERGE rewrites a data file and leaves the old one in the folder until VACUUM: publish must
 * read the files of the current snapshot (Delta log), not the folder. Tiny lake: dim_channel
 * with three rows, then a MERGE that changes one and adds one.
 */
class PublishMergeTest {

    @TempDir
    static Path dir;
    static LakeTables tables;
    static Table channel;

    @BeforeAll
    static void lakeWithAMerge() {
        tables = SharedSpark.lake(dir.resolve("lake"));
        channel = tables.table("dim_channel");
        tables.overwrite("dim_channel", rows(
                RowFactory.create(1L, "C1", "门店", "store"),
                RowFactory.create(2L, "C2", "网店", "online"),
                RowFactory.create(3L, "C3", "电话", "phone")).coalesce(1));
        tables.upsert("dim_channel", rows(
                RowFactory.create(2L, "C2", "天猫旗舰店", "online"),
                RowFactory.create(4L, "C4", "合作伙伴", "partner")));
    }

    static Dataset<Row> rows(Row... rows) {
        return tables.spark().createDataFrame(List.of(rows), SparkTypes.struct(channel.columns()));
    }

    @Test
    void publishedRowsAreTheCurrentSnapshotWhileAGlobOverTheFolderCountsReplacedFilesToo() throws Exception {
        List<String> progress = new ArrayList<>();
        PublishSummary summary = new PublishJob(tables, dir.resolve("serving"), progress::add).run();
        List<String> sparkRows = CanonicalRows.spark(tables.read("dim_channel"), channel);
        assertThat(sparkRows).containsExactly("1|C1|门店|store", "2|C2|天猫旗舰店|online", "3|C3|电话|phone", "4|C4|合作伙伴|partner");

        try (ServingCatalog catalog = ServingCatalog.open(dir.resolve("serving")); Connection c = catalog.connect()) {
            assertThat(CanonicalRows.duckDb(c, channel)).isEqualTo(sparkRows);
            String folder = tables.location("dim_channel");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + folder + "/*.parquet')")) {
                rs.next();
                // the file holding C1..C3 and its rewrite holding C1..C3 again (C2 changed), plus C4
                assertThat(rs.getLong(1)).as("a glob also reads the file the MERGE replaced").isGreaterThan(sparkRows.size());
            }
            assertThat(catalog.deltaVersions()).containsEntry("dim_channel", tables.version("dim_channel"));
            assertThat(catalog.deltaVersions()).containsEntry("fact_transaction", -1L).containsEntry("ops_batch_log", -1L);
        }
        assertThat(summary.tables()).filteredOn(e -> e.table().equals("dim_channel"))
                .singleElement().satisfies(e -> {
                    assertThat(e.rows()).isEqualTo(4);
                    assertThat(e.storage()).isEqualTo(Storage.TABLE);
                });
        assertThat(progress).anyMatch(line -> line.matches("\\s+dim_channel\\s+gold\\s+v2\\s+table\\s+4 rows"));
    }

    @Test
    void aRemoteLakeIsCopiedThroughASparkExtractWithTheSameContentAndNoLeftovers() throws Exception {
        Path serving = dir.resolve("serving-extract");
        List<String> progress = new ArrayList<>();
        new PublishJob(tables, serving, progress::add, true).run();
        assertThat(progress).anyMatch(line -> line.contains("dim_channel: copied v2 through a Parquet extract (the lake is not on a local disk)"));
        try (ServingCatalog catalog = ServingCatalog.open(serving); Connection c = catalog.connect()) {
            assertThat(CanonicalRows.duckDb(c, channel))
                    .containsExactly("1|C1|门店|store", "2|C2|天猫旗舰店|online", "3|C3|电话|phone", "4|C4|合作伙伴|partner");
        }
        assertThat(dir.resolve("lake/_publish_extract")).doesNotExist();
        try (Stream<Path> files = Files.list(serving)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("crmlake.duckdb");
        }
    }
}
