package io.crmlake.etl.star;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.crmlake.etl.ingest.IngestJob;
import io.crmlake.etl.ingest.LandingZone;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.Landing;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.support.TableSnapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three monthly batches of a tiny business, ingested and built one month at a time: customer C1
 * changes city, then tier, then sends a row that changes nothing; C3's first transaction arrives
 * a month before C3 does; T1 is corrected in a later batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarSchemaTest {

    @TempDir
    static Path dir;

    LakeTables tables;
    final Map<String, BuildJob.BuildResult> builds = new java.util.HashMap<>();

    @BeforeAll
    void buildThreeMonths() {
        Landing landing = new Landing(dir.resolve("lake/landing"));
        landing.batch("org_units", "2024-01")
                .row("org_unit_id=HQ", "name=总部", "level=company")
                .row("org_unit_id=R1", "name=华东区", "level=region", "parent_id=HQ")
                .row("org_unit_id=B1", "name=上海分行", "level=branch", "parent_id=R1")
                .row("org_unit_id=O1", "name=徐汇营业厅", "level=outlet", "parent_id=B1", "city=上海")
                .write();
        landing.batch("products", "2024-01").row("product_id=P1", "name=连衣裙", "category=服装").write();
        landing.batch("customers", "2024-01")
                .row("customer_id=C1", "updated_at=2024-01-05T10:00:00+08:00", "name=王芳", "city=上海", "tier=普通",
                        "org_unit_id=O1", "join_date=2024-01-05", "relationship=non_contractual", "consent_sms=true")
                .row("customer_id=C2", "updated_at=2024-01-06T10:00:00+08:00", "name=李伟", "city=北京",
                        "join_date=2024-01-06", "relationship=non_contractual")
                .write();
        landing.batch("transactions", "2024-01")
                .row("txn_id=T1", "customer_id=C1", "txn_ts=2024-01-10T12:00:00+08:00", "amount=100.00", "txn_type=purchase",
                        "product_id=P1", "org_unit_id=O1", "cost=60.00")
                .row("txn_id=T2", "customer_id=C2", "txn_ts=2024-01-20T12:00:00+08:00", "amount=50.00", "txn_type=purchase")
                .row("txn_id=T3", "customer_id=C3", "txn_ts=2024-01-25T12:00:00+08:00", "amount=70.00", "txn_type=purchase")
                .write();
        landing.batch("accounts", "2024-01")
                .row("account_id=A1", "customer_id=C2", "open_date=2024-01-06", "billing=postpaid", "status=active",
                        "updated_at=2024-01-06T10:00:00+08:00")
                .write();
        landing.batch("customers", "2024-02")
                .row("customer_id=C1", "updated_at=2024-02-10T10:00:00+08:00", "name=王芳", "city=杭州", "tier=普通",
                        "org_unit_id=O1", "join_date=2024-01-05", "relationship=non_contractual", "consent_sms=true")
                .row("customer_id=C3", "updated_at=2024-02-01T09:00:00+08:00", "name=张敏", "city=上海",
                        "join_date=2024-01-25", "relationship=non_contractual")
                .write();
        landing.batch("transactions", "2024-02")
                .row("txn_id=T4", "customer_id=C1", "txn_ts=2024-02-05T12:00:00+08:00", "amount=30.00", "txn_type=purchase")
                .row("txn_id=T5", "customer_id=C1", "txn_ts=2024-02-15T12:00:00+08:00", "amount=40.00", "txn_type=purchase")
                .row("txn_id=T1", "customer_id=C1", "txn_ts=2024-01-10T12:00:00+08:00", "amount=110.00", "txn_type=purchase",
                        "product_id=P1", "org_unit_id=O1", "cost=60.00")
                .write();
        landing.batch("customers", "2024-03")
                .row("customer_id=C1", "updated_at=2024-03-10T10:00:00+08:00", "name=王芳", "city=杭州", "tier=VIP",
                        "org_unit_id=O1", "join_date=2024-01-05", "relationship=non_contractual", "consent_sms=true")
                .row("customer_id=C1", "updated_at=2024-03-20T10:00:00+08:00", "name=王芳", "city=杭州", "tier=VIP",
                        "org_unit_id=O1", "join_date=2024-01-05", "relationship=non_contractual", "consent_sms=true")
                .write();
        landing.batch("transactions", "2024-03")
                .row("txn_id=T6", "customer_id=C1", "txn_ts=2024-03-15T12:00:00+08:00", "amount=25.00", "txn_type=refund", "cost=10.00")
                .row("txn_id=T7", "customer_id=C1", "txn_ts=2024-03-25T12:00:00+08:00", "amount=80.00", "txn_type=purchase")
                .write();
        landing.batch("accounts", "2024-03")
                .row("account_id=A1", "customer_id=C2", "open_date=2024-01-06", "close_date=2024-03-18", "billing=postpaid",
                        "status=closed", "updated_at=2024-03-18T10:00:00+08:00")
                .write();
        landing.batch("touchpoints", "2024-03")
                .row("touchpoint_id=K1", "customer_id=C1", "ts=2024-03-12T09:00:00+08:00", "channel=sms", "outcome=reached")
                .row("touchpoint_id=K2", "customer_id=C2", "ts=2024-03-12T09:00:00+08:00", "channel=sms", "outcome=delivered")
                .write();

        tables = SharedSpark.lake(dir.resolve("lake"));
        LandingZone zone = new LandingZone(landing.root().toString(), tables.spark().sparkContext().hadoopConfiguration());
        for (String month : List.of("2024-01", "2024-02", "2024-03")) {
            new IngestJob(tables, zone, line -> { }).run(Optional.of(month), false);
            builds.put(month, new BuildJob(tables, line -> { }).run());
        }
    }

    private Map<String, Long> skByTxn() {
        return tables.read("fact_transaction").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("txn_id"), r -> r.<Long>getAs("customer_sk")));
    }

    private List<Row> versions(String customerId) {
        return tables.read("dim_customer").where("customer_id = '" + customerId + "'").orderBy("version").collectAsList();
    }

    @Test
    void scd2KeepsThreeVersionsOfC1AndFoldsTheRowThatChangesNothing() {
        List<Row> c1 = versions("C1");
        assertThat(c1).extracting(r -> r.<String>getAs("city"), r -> r.<String>getAs("tier"), r -> r.<Boolean>getAs("is_current"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("上海", "普通", false),
                        org.assertj.core.groups.Tuple.tuple("杭州", "普通", false),
                        org.assertj.core.groups.Tuple.tuple("杭州", "VIP", true));
        assertThat(c1.get(0).<java.sql.Timestamp>getAs("valid_to")).isEqualTo(c1.get(1).<java.sql.Timestamp>getAs("valid_from"));
        assertThat(c1.get(1).<java.sql.Timestamp>getAs("valid_to")).isEqualTo(c1.get(2).<java.sql.Timestamp>getAs("valid_from"));
        assertThat(c1.get(2).<java.sql.Timestamp>getAs("valid_to").toInstant())
                .as("9999-12-31 in the business time zone")
                .isEqualTo(java.time.OffsetDateTime.parse("9999-12-31T00:00:00+08:00").toInstant());
    }

    @Test
    void factsJoinTheCustomerVersionValidAtTheirTime() {
        List<Row> c1 = versions("C1");
        Map<String, Long> sk = skByTxn();
        assertThat(sk.get("T1")).isEqualTo(c1.get(0).<Long>getAs("customer_sk"));
        assertThat(sk.get("T4")).as("2024-02-05 is before the move on 02-10").isEqualTo(c1.get(0).<Long>getAs("customer_sk"));
        assertThat(sk.get("T5")).isEqualTo(c1.get(1).<Long>getAs("customer_sk"));
        assertThat(sk.get("T6")).isEqualTo(c1.get(2).<Long>getAs("customer_sk"));
        assertThat(sk.get("T7")).as("the 03-20 row changed nothing: still version 3").isEqualTo(c1.get(2).<Long>getAs("customer_sk"));
    }

    @Test
    void aTransactionWhoseCustomerArrivesLaterIsHeldThenLoaded() {
        Row held = tables.read("ops_quarantine").where("source_file = 'transactions/2024-01/transactions-2024-01.csv'").first();
        assertThat(held.<String>getAs("reason")).isEqualTo("orphan_customer");
        assertThat(held.<String>getAs("released_batch_id")).isEqualTo("2024-02");
        assertThat(skByTxn().get("T3")).as("before C3's first state: joins version 1").isEqualTo(versions("C3").get(0).<Long>getAs("customer_sk"));
    }

    @Test
    void releasingALateCustomersHeldRowsMergesThoseRowsNotTheirWholeBatch() {
        // The 2024-02 build folds in T4, T5, T1's correction and T3, released from batch 2024-01
        // when C3 arrived. T2, the rest of batch 2024-01, is already built and must not be merged
        // again: re-merging whole original batches made a monthly build cost a full rebuild.
        for (String table : List.of("silver_transactions", "fact_transaction")) {
            assertThat(secondMergeMetrics(table)).as(table)
                    .containsEntry("numSourceRows", "4")
                    .containsEntry("numTargetRowsUpdated", "1")
                    .containsEntry("numTargetRowsInserted", "3");
        }
    }

    @Test
    void aCorrectionMergedIntoSilverMarksTheOldRowInsteadOfRewritingItsFile() {
        // T1's correction in 2024-02 updates one row of silver_transactions. With deletion vectors
        // the MERGE adds one and removes no file; without them it rewrote the file holding T1
        // (and on a real lake, every file holding one corrected row: whole tables each month).
        assertThat(secondMergeMetrics("silver_transactions"))
                .containsEntry("numTargetRowsUpdated", "1")
                .containsEntry("numTargetDeletionVectorsAdded", "1")
                .containsEntry("numTargetFilesRemoved", "0");
        // Gold is published as plain Parquet files, so its MERGEs still rewrite.
        assertThat(secondMergeMetrics("fact_transaction")).containsEntry("numTargetDeletionVectorsAdded", "0");
    }

    /** The operation metrics of the table's second MERGE: the 2024-02 build's. */
    private Map<String, String> secondMergeMetrics(String table) {
        Row second = tables.ensure(table).history().where("operation = 'MERGE'").orderBy("version").collectAsList().get(1);
        return second.getJavaMap(second.fieldIndex("operationMetrics"));
    }

    @Test
    void aCorrectionInALaterBatchUpdatesTheFactInPlace() {
        Row t1 = tables.read("fact_transaction").where("txn_id = 'T1'").first();
        assertThat(tables.read("fact_transaction").where("txn_id = 'T1'").count()).isEqualTo(1);
        assertThat(t1.<BigDecimal>getAs("revenue")).isEqualByComparingTo("110.00");
        assertThat(t1.<BigDecimal>getAs("margin")).isEqualByComparingTo("50.00");
        assertThat(t1.<String>getAs("_batch_id")).isEqualTo("2024-02");
    }

    @Test
    void refundsCountAsNegativeRevenueAndMargin() {
        Row t6 = tables.read("fact_transaction").where("txn_id = 'T6'").first();
        assertThat(t6.<BigDecimal>getAs("revenue")).isEqualByComparingTo("-25.00");
        assertThat(t6.<BigDecimal>getAs("margin")).isEqualByComparingTo("-15.00");
        assertThat(t6.<Boolean>getAs("is_purchase")).isFalse();
    }

    @Test
    void monthlySnapshotCarriesRunningTotalsAndRecency() {
        List<Row> c1 = tables.read("fact_customer_month").where("customer_id = 'C1'").orderBy("month_key").collectAsList();
        assertThat(c1).extracting(r -> r.<Integer>getAs("month_key")).containsExactly(202401, 202402, 202403);
        assertThat(c1).extracting(r -> r.<BigDecimal>getAs("revenue").toPlainString()).containsExactly("110.00", "70.00", "55.00");
        assertThat(c1).extracting(r -> r.<BigDecimal>getAs("cumulative_revenue").toPlainString()).containsExactly("110.00", "180.00", "235.00");
        assertThat(c1).extracting(r -> r.<Integer>getAs("orders")).containsExactly(1, 2, 1);
        assertThat(c1.get(1).<Integer>getAs("recency_days")).as("last purchase 02-15, month ends 02-29").isEqualTo(14);
        assertThat(c1.get(2).<Integer>getAs("recency_days")).isEqualTo(6);
        List<Row> c2 = tables.read("fact_customer_month").where("customer_id = 'C2'").orderBy("month_key").collectAsList();
        assertThat(c2).as("a row every month, with or without activity").hasSize(3);
        assertThat(c2.get(2).<Boolean>getAs("is_active")).isFalse();
        assertThat(c2.get(2).<Integer>getAs("recency_days")).isEqualTo(71);
    }

    @Test
    void touchpointsCheckConsentAgainstTheVersionValidThen() {
        Map<String, Boolean> consent = tables.read("fact_touchpoint").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("touchpoint_id"), r -> r.<Boolean>getAs("consent_ok")));
        assertThat(consent).containsEntry("K1", true).containsEntry("K2", false);
    }

    @Test
    void orgUnitsAreFlattenedAndUnknownMembersExist() {
        Row outlet = tables.read("dim_org_unit").where("org_unit_id = 'O1'").first();
        assertThat(outlet.<String>getAs("region_name")).isEqualTo("华东区");
        assertThat(outlet.<String>getAs("branch_id")).isEqualTo("B1");
        assertThat(outlet.<String>getAs("path")).isEqualTo("HQ/R1/B1/O1");
        assertThat(tables.read("dim_channel").where("channel_sk = -1").count()).isEqualTo(1);
        Row t2 = tables.read("fact_transaction").where("txn_id = 'T2'").first();
        assertThat(t2.<Long>getAs("product_sk")).isEqualTo(-1L);
    }

    @Test
    void referenceDimensionsAreWrittenOnlyByTheBuildThatBringsTheirEntity() {
        // Products and org units arrive in 2024-01 only, channels never (the unknown member alone):
        // the 2024-02 and 2024-03 builds must not rewrite them.
        for (String dim : List.of("dim_product", "dim_org_unit", "dim_channel")) {
            List<String> writes = tables.ensure(dim).history().where("operation <> 'CREATE TABLE'")
                    .select("operation").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            assertThat(writes).as(dim).hasSize(1);
        }
    }

    @Test
    void theCalendarIsWrittenOnceWhileLaterBuildsStayWithinItsYears() {
        // All three builds cover 2024 to the year after the last fact (2025): only the first writes
        // dim_date; the other two find the same 731 days (2024 is a leap year) and leave it alone.
        List<String> writes = tables.ensure("dim_date").history().where("operation <> 'CREATE TABLE'")
                .select("operation").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(writes).hasSize(1);
        Row range = tables.read("dim_date").agg(min("date_key"), max("date_key"), count("*")).first();
        assertThat(range.getInt(0)).isEqualTo(20240101);
        assertThat(range.getInt(1)).isEqualTo(20251231);
        assertThat(range.getLong(2)).isEqualTo(731);
    }

    @Test
    void aBuildCreatesTheTablesOfEntitiesNeverDeliveredEmpty() {
        // Channels and staff are never delivered here. The build still creates their silver
        // tables (found by their _delta_log on disk, since reading them would create them), so
        // that a business sending only customers and transactions gets every table of the star.
        for (String table : List.of("silver_channels", "silver_staff", "dim_staff")) {
            assertThat(Path.of(tables.location(table), "_delta_log")).as(table).isDirectory();
            assertThat(tables.read(table).count()).as(table).isEqualTo(table.startsWith("dim_") ? 1 : 0);
        }
    }

    @Test
    void aBuildMarksAllItsBatchesBuiltInOneCommit() {
        // The 2024-01 build folds in five entity batches: org_units, products, customers,
        // transactions and accounts.
        Row first = tables.ensure("ops_batch_log").history().where("operation = 'UPDATE'").orderBy("version").first();
        assertThat(first.<String, String>getJavaMap(first.fieldIndex("operationMetrics")))
                .containsEntry("numUpdatedRows", "5");
    }

    @Test
    void aSecondBuildWithNothingPendingChangesNothing() {
        List<String> before = TableSnapshot.rows(tables, "fact_customer_month");
        long version = tables.version("fact_transaction");
        new BuildJob(tables, line -> { }).run();
        assertThat(TableSnapshot.rows(tables, "fact_customer_month")).isEqualTo(before);
        assertThat(tables.version("fact_transaction")).isEqualTo(version);
    }

    @Test
    void snapshotsAreRebuiltFromTheEarliestMonthABatchChanges() {
        // 2024-01: the first build starts at the first month.
        assertThat(builds.get("2024-01").fromMonth()).isEqualTo(202401);
        // 2024-02: new customer C3 joined in January, and T1 (January) was corrected.
        assertThat(builds.get("2024-02").fromMonth()).isEqualTo(202401);
        // 2024-03: only changes of known customers and of account A1 (opened in January, closed
        // in March): nothing reaches back before March.
        assertThat(builds.get("2024-03").fromMonth()).isEqualTo(202403);
    }
}
