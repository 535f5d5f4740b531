package io.crmlake.etl.marts.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.support.TableSnapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-checked warnings through the Spark job (rules: conf/rules/warnings.yml as shipped).
 * <ul>
 *   <li>C1, prepaid A1: March closes with balance 30.00 after a 310.00 bill over 31 days
 *       (10 a day): 3 days left, warned on 2024-03-31, due 04-02, window to 04-05. April closes
 *       at 2.5 days: the same episode, not a second warning. An SMS "reached" on 04-02 to a
 *       customer without SMS consent does not complete it; a consented phone call reached on
 *       04-04 does (after the due date: completed, not on time).</li>
 *   <li>C2, A2: contract ends 2024-04-20, warned 30 days before (03-21); no contact, the 30-day
 *       window ended 04-20: expired. C2 has no account manager: the org unit owns it.</li>
 * </ul>
 */
class WarningsJobTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 4, 30);

    @TempDir
    static Path dir;

    private static LakeTables tables;
    private static Map<String, Row> warnings;
    private static List<String> firstRun;

    @BeforeAll
    static void runTwice() {
        tables = SharedSpark.lake(dir.resolve("lake"));
        SparkSession spark = tables.spark();
        tables.overwrite("dim_customer", withNulls("dim_customer", spark.sql("""
                SELECT * FROM VALUES
                  ('C1', 'S1', 'O1', true, false, true),
                  ('C2', CAST(NULL AS STRING), 'O2', false, true, false)
                  AS t(customer_id, owner_staff_id, org_unit_id, consent_phone, consent_sms, consent_email)""")
                .selectExpr("xxhash64(customer_id) AS customer_sk", "*", "1 AS version",
                        "TIMESTAMP'2023-01-01 00:00:00' AS valid_from", "TIMESTAMP'9999-12-31 00:00:00' AS valid_to",
                        "true AS is_current", "0L AS row_hash", "CAST(NULL AS DATE) AS birth_date")));
        tables.overwrite("fact_customer_month", withNulls("fact_customer_month", spark.sql("""
                SELECT * FROM VALUES ('C1', 202403, 'O1'), ('C2', 202403, 'O2'), ('C1', 202404, 'O1'), ('C2', 202404, 'O2')
                  AS t(customer_id, month_key, org_unit_id)""")
                .selectExpr("*", "xxhash64(customer_id) AS customer_sk", "0 AS revenue", "0 AS margin", "0 AS account_revenue",
                        "0 AS orders", "0 AS purchase_days", "1 AS active_accounts", "true AS is_active", "12 AS tenure_months",
                        "0 AS cumulative_revenue")));
        tables.overwrite("fact_account_period", withNulls("fact_account_period", spark.sql("""
                SELECT * FROM VALUES
                  ('A1', 202403, 'C1', 'prepaid', CAST(NULL AS DATE), 30.00, 310.00),
                  ('A1', 202404, 'C1', 'prepaid', CAST(NULL AS DATE), 25.00, 300.00),
                  ('A2', 202403, 'C2', 'postpaid', DATE'2024-04-20', CAST(NULL AS DECIMAL(18,2)), 50.00),
                  ('A2', 202404, 'C2', 'postpaid', DATE'2024-04-20', CAST(NULL AS DECIMAL(18,2)), 50.00)
                  AS t(account_id, month_key, customer_id, billing, contract_end_date, balance, revenue)""")
                .selectExpr("*", "xxhash64(customer_id) AS customer_sk", "-1L AS product_sk", "DATE'2023-01-01' AS open_date",
                        "true AS is_active", "false AS opened_in_period", "false AS closed_in_period", "14 AS tenure_months")));
        tables.overwrite("fact_touchpoint", withNulls("fact_touchpoint", spark.sql("""
                SELECT * FROM VALUES
                  ('T-day2-sms', 'C1', TIMESTAMP'2024-04-02 10:00:00', 'sms', 'reached', false),
                  ('T-day4-phone', 'C1', TIMESTAMP'2024-04-04 15:30:00', 'phone', 'reached', true),
                  ('T-c2-refused', 'C2', TIMESTAMP'2024-03-25 11:00:00', 'sms', 'refused', true)
                  AS t(touchpoint_id, customer_id, ts, channel, outcome, consent_ok)""")
                .selectExpr("*", "year(ts) * 100 + month(ts) AS month_key",
                        "year(ts) * 10000 + month(ts) * 100 + day(ts) AS date_key", "xxhash64(customer_id) AS customer_sk",
                        "-1L AS campaign_sk", "-1L AS staff_sk", "outcome IN ('reached', 'responded', 'converted') AS is_success",
                        "0 AS cost", "false AS is_control", "'fixture' AS _batch_id")));

        run();
        firstRun = TableSnapshot.rows(tables, WarningsJob.MART);
        run();
        warnings = tables.read(WarningsJob.MART).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("warning_id"), Function.identity()));
    }

    /** The fixture's columns plus every other catalog column of the table as a typed null. */
    private static org.apache.spark.sql.Dataset<Row> withNulls(String table, org.apache.spark.sql.Dataset<Row> frame) {
        List<String> present = List.of(frame.columns());
        for (var c : tables.table(table).columns()) {
            if (!present.contains(c.name())) {
                frame = frame.withColumn(c.name(), org.apache.spark.sql.functions.lit(null).cast(c.type().sparkSql()));
            }
        }
        return frame;
    }

    private static void run() {
        new WarningsJob(new MartRun(tables, DefaultRules.get(), AS_OF, ZoneId.of("Asia/Shanghai"), line -> { })).run();
    }

    @Test
    void aBalanceOf30At10ADayWarnsOnceAndIsCompletedByTheConsentedCall() {
        assertThat(warnings.keySet()).containsExactlyInAnyOrder(
                "balance_running_out/A1/2024-03-31", "contract_expiring/A2/2024-03-21");
        Row w = warnings.get("balance_running_out/A1/2024-03-31");
        assertThat((BigDecimal) w.getAs("measure")).isEqualByComparingTo("3");
        assertThat((String) w.getAs("customer_id")).isEqualTo("C1");
        assertThat((Date) w.getAs("due_date")).isEqualTo(Date.valueOf("2024-04-02"));
        assertThat((Date) w.getAs("window_end")).isEqualTo(Date.valueOf("2024-04-05"));
        assertThat((String) w.getAs("status")).isEqualTo("completed");
        assertThat((String) w.getAs("completed_by_touchpoint_id")).isEqualTo("T-day4-phone");
        assertThat((String) w.getAs("completed_channel")).isEqualTo("phone");
        assertThat((Boolean) w.getAs("completed_on_time")).isFalse();
        assertThat((String) w.getAs("owner_type")).isEqualTo("staff");
        assertThat((String) w.getAs("owner_staff_id")).isEqualTo("S1");
        assertThat((String) w.getAs("suggested_channel")).isEqualTo("phone");
        assertThat((String) w.getAs("detail")).isEqualTo("balance 30.00 lasts 3.0 days at 10.00 a day");
        assertThat((String) w.getAs("detail_args")).isEqualTo("[\"30.00\",\"3.0\",\"10.00\"]");
    }

    @Test
    void anUncontactedContractWarningExpiresAndTheOrgUnitOwnsIt() {
        Row w = warnings.get("contract_expiring/A2/2024-03-21");
        assertThat((BigDecimal) w.getAs("measure")).isEqualByComparingTo("30");
        assertThat((String) w.getAs("status")).isEqualTo("expired");
        assertThat((Object) w.getAs("completed_at")).isNull();
        assertThat((String) w.getAs("owner_type")).isEqualTo("org_unit");
        assertThat((Object) w.getAs("owner_staff_id")).isNull();
        assertThat((String) w.getAs("org_unit_id")).isEqualTo("O2");
        assertThat((String) w.getAs("suggested_channel")).isEqualTo("sms");
        assertThat((String) w.getAs("detail")).isEqualTo("contract ends 2024-04-20 (30 days left)");
        assertThat((String) w.getAs("detail_args")).isEqualTo("[\"2024-04-20\",\"30\"]");
    }

    @Test
    void reRunningForTheSameAsOfLeavesIdenticalContent() {
        assertThat(TableSnapshot.rows(tables, WarningsJob.MART)).isEqualTo(firstRun).hasSize(2);
    }
}
