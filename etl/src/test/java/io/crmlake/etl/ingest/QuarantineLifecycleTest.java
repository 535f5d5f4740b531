package io.crmlake.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.Landing;
import io.crmlake.etl.support.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to quarantined rows after their first load: a held row is checked again when its
 * customer arrives, and a forced reload of a corrected batch takes its old rejects away.
 */
class QuarantineLifecycleTest {

    @TempDir
    Path dir;

    private static final String[] C1 = {"customer_id=C1", "updated_at=2024-01-05T10:00:00+08:00", "name=王芳",
            "join_date=2024-01-05", "relationship=non_contractual"};

    /** A purchase at noon on the given day of January 2024. */
    private static String[] txn(String id, String customer, int day, String amount) {
        return new String[] {"txn_id=" + id, "customer_id=" + customer,
                String.format("txn_ts=2024-01-%02dT12:00:00+08:00", day), "amount=" + amount};
    }

    /** Batch 2024-01 (customer C1 and the given transactions), ingested into a new lake. */
    private LakeTables firstMonth(Landing landing, String[]... transactions) {
        landing.batch("customers", "2024-01").row(C1).write();
        Landing.Batch batch = landing.batch("transactions", "2024-01");
        for (String[] t : transactions) {
            batch.row(t);
        }
        batch.write();
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        ingest(tables, landing, "2024-01", false);
        return tables;
    }

    private static List<BatchResult> ingest(LakeTables tables, Landing landing, String batch, boolean force) {
        LandingZone zone = new LandingZone(landing.root().toString(), tables.spark().sparkContext().hadoopConfiguration());
        return new IngestJob(tables, zone, line -> { }).run(Optional.of(batch), force);
    }

    private static Row quarantined(LakeTables tables, String txnLine) {
        return tables.read(Quarantine.TABLE).where("raw_line LIKE '" + txnLine + ",%'").first();
    }

    @Test
    void aHeldRowThatNoLongerMeetsTheContractIsNotReleased() {
        Landing landing = new Landing(dir.resolve("lake/landing"));
        LakeTables tables = firstMonth(landing, txn("T1", "C1", 10, "100.00"), txn("T2", "C9", 11, "20.00"),
                txn("T3", "C9", 12, "30.00"));
        assertThat(tables.read(Quarantine.TABLE).where("reason = 'orphan_customer'").count()).isEqualTo(2);

        // While T3 waits for C9, its raw line stops meeting the contract (here: its amount is
        // edited to text; in life, a contract change between the hold and the release).
        DeltaTable.forPath(tables.spark(), tables.location(Quarantine.TABLE))
                .updateExpr("raw_line LIKE 'T3,%'", Map.of("raw_line", "replace(raw_line, '30.00', 'thirty')"));

        landing.batch("customers", "2024-02")
                .row("customer_id=C9", "updated_at=2024-02-01T10:00:00+08:00", "name=张敏", "join_date=2024-01-11",
                        "relationship=non_contractual").write();
        List<String> progress = new java.util.ArrayList<>();
        LandingZone zone = new LandingZone(landing.root().toString(), tables.spark().sparkContext().hadoopConfiguration());
        new IngestJob(tables, zone, progress::add).run(Optional.of("2024-02"), false);

        assertThat(progress).anySatisfy(line -> assertThat(line)
                .contains("released 1 held rows whose customer has arrived; 1 no longer meet the contract"));
        assertThat(tables.read("bronze_transactions").select("txn_id").orderBy("txn_id").collectAsList())
                .extracting(r -> r.getString(0)).containsExactly("T1", "T2");
        Row t2 = quarantined(tables, "T2");
        assertThat(t2.<String>getAs("reason")).isEqualTo("orphan_customer");
        assertThat(t2.<String>getAs("released_batch_id")).isEqualTo("2024-02");
        Row t3 = quarantined(tables, "T3");
        assertThat(t3.<String>getAs("released_batch_id")).as("not in bronze, so not released").isNull();
        assertThat(t3.<String>getAs("reason")).isEqualTo("unparseable_decimal");
        assertThat(t3.<String>getAs("field")).isEqualTo("amount");
        assertThat(t3.<String>getAs("detail")).contains("thirty");
    }

    @Test
    void aForcedReloadOfACorrectedBatchTakesItsOldRejectsAway() {
        Landing landing = new Landing(dir.resolve("lake/landing"));
        LakeTables tables = firstMonth(landing, txn("T1", "C1", 10, "100.00"), txn("T2", "C1", 11, "ten"));
        assertThat(quarantined(tables, "T2").<String>getAs("reason")).isEqualTo("unparseable_decimal");

        // The source system fixes T2 and the batch is delivered again: now nothing is rejected,
        // and the quarantine must not keep the reject of the first delivery.
        landing.batch("transactions", "2024-01")
                .row(txn("T1", "C1", 10, "100.00"))
                .row(txn("T2", "C1", 11, "10.00"))
                .write();
        List<BatchResult> reloaded = ingest(tables, landing, "2024-01", true);

        assertThat(reloaded).filteredOn(r -> r.entity().equals("transactions")).singleElement()
                .satisfies(r -> {
                    assertThat(r.rowsRead()).isEqualTo(2);
                    assertThat(r.rowsLoaded()).isEqualTo(2);
                    assertThat(r.rowsQuarantined()).isZero();
                });
        assertThat(tables.read(Quarantine.TABLE).count()).isZero();
        assertThat(tables.read("bronze_transactions").select("txn_id").orderBy("txn_id").collectAsList())
                .extracting(r -> r.getString(0)).containsExactly("T1", "T2");
    }
}
