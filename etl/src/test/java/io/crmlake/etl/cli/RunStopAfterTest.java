package io.crmlake.etl.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.ingest.BatchLog;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.Landing;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Layer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `crmlake run --stop-after STAGE` runs the pipeline up to that stage in one JVM and no further:
 * a frequent delivery can be folded into the star without computing the marts every time.
 */
class RunStopAfterTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SharedSpark.session();
    }

    private Path lakeWithOneMonth() {
        Landing landing = new Landing(dir.resolve("lake/landing"));
        landing.batch("customers", "2024-01")
                .row("customer_id=C1", "updated_at=2024-01-01T00:00:00+08:00", "join_date=2024-01-01").write();
        landing.batch("transactions", "2024-01")
                .row("txn_id=T1", "customer_id=C1", "txn_ts=2024-01-02T10:00:00+08:00", "amount=12.50")
                .row("txn_id=T2", "customer_id=C1", "txn_ts=2024-01-20T10:00:00+08:00", "amount=7.50").write();
        return dir.resolve("lake");
    }

    /** Runs `crmlake run --stop-after STAGE` on a fresh one-month lake, which must succeed. */
    private LakeTables runStoppingAfter(String stage) {
        Path lake = lakeWithOneMonth();
        assertThat(Crmlake.commandLine().execute("run", "--stop-after", stage, "--lake", lake.toString())).isZero();
        return SharedSpark.lake(lake);
    }

    @Test
    void stoppingAfterBuildFillsTheStarButComputesNoMartAndPublishesNothing() {
        LakeTables tables = runStoppingAfter("build");
        assertThat(tables.read("fact_transaction").count()).isEqualTo(2);
        // The status that ends the run: one line per catalog table, in catalog order, with the
        // table's Delta version and row count (its lines are worked out several at a time).
        List<StatusCommand.TableLine> status = StatusCommand.tableLines(tables);
        assertThat(status).extracting(l -> l.table().name())
                .containsExactlyElementsOf(Catalog.get().tables().stream().map(t -> t.name()).toList());
        assertThat(status).filteredOn(l -> l.table().name().equals("fact_transaction")).singleElement()
                .satisfies(l -> assertThat(l.text()).matches(
                        "  fact_transaction +gold +v" + tables.version("fact_transaction") + " +2 rows"));
        assertThat(status).filteredOn(l -> l.table().name().equals("mart_kpi")).singleElement()
                .satisfies(l -> assertThat(l.text()).endsWith("not created yet"));
        assertThat(tables.read(BatchLog.TABLE).where(col("built_at").isNull()).count()).as("batches left unbuilt").isZero();
        for (var mart : Catalog.get().tables(Layer.MART)) {
            assertThat(tables.exists(mart.name())).as(mart.name() + " created").isFalse();
        }
        assertThat(Files.exists(tables.paths().serving())).as("serving catalog published").isFalse();
    }

    @Test
    void stoppingAfterIngestLeavesTheBatchesPendingTheirBuild() {
        LakeTables tables = runStoppingAfter("ingest");
        assertThat(tables.read("bronze_transactions").count()).isEqualTo(2);
        assertThat(tables.read(BatchLog.TABLE).where(col("built_at").isNull()).count()).as("batches left unbuilt").isEqualTo(2);
        assertThat(tables.exists("fact_transaction")).as("fact_transaction created").isFalse();
    }

    @Test
    void anUnknownStageIsRefusedWithTheStagesThereAre() {
        CommandLine cli = Crmlake.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("run", "--stop-after", "star", "--lake", dir.resolve("lake").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--stop-after").contains("ingest, build, marts, publish");
    }
}
