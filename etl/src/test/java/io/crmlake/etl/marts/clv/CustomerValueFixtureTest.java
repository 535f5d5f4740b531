package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.clv.Span;
import io.crmlake.etl.model.sbg.ShiftedBetaGeometricModel;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.model.DefaultRules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark side of the CLV mart on tiny inline fact fixtures with hand-checked values. */
class CustomerValueFixtureTest {

    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);

    @TempDir
    static Path dir;

    @Test
    void rfmSummaryMergesSameDayPurchasesAndFlagsRefunds() {
        LakeTables tables = SharedSpark.lake(dir);
        Dataset<Row> txns = new GoldRows(tables, "fact_transaction")
                // A: two purchases on 1 Jan (one trial day), repeats on 15 Jan and 5 Feb, a refund in March.
                .txn("A1", "A", "2024-01-01", "purchase", "100.00")
                .txn("A2", "A", "2024-01-01", "purchase", "50.00")
                .txn("A3", "A", "2024-01-15", "purchase", "80.00")
                .txn("A4", "A", "2024-02-05", "purchase", "120.00")
                .txn("A5", "A", "2024-03-10", "refund", "30.00")
                .txn("A6", "A", "2024-04-02", "purchase", "999.00") // after the as-of date: invisible
                // B: only a refund (of a purchase before the data starts).
                .txn("B1", "B", "2024-02-01", "refund", "40.00")
                // C: bought 100, returned 150: negative net spend.
                .txn("C1", "C", "2024-01-10", "purchase", "100.00")
                .txn("C2", "C", "2024-02-10", "purchase", "50.00")
                .txn("C3", "C", "2024-02-20", "refund", "200.00")
                // D: first purchase on the as-of date itself.
                .txn("D1", "D", "2024-03-31", "purchase", "60.00")
                .frame();
        Map<String, Row> byCustomer = new HashMap<>();
        for (Row r : PurchaseSummary.of(txns, AS_OF).collectAsList()) {
            byCustomer.put(r.getAs("customer_id"), r);
        }
        assertThat(byCustomer).containsOnlyKeys("A", "B", "C", "D");

        Row a = byCustomer.get("A");
        assertThat((int) a.getAs("x")).isEqualTo(2); // 1 Jan (trial), 15 Jan, 5 Feb
        assertThat((int) a.getAs("t_x_days")).isEqualTo(35); // 1 Jan -> 5 Feb
        assertThat((int) a.getAs("t_days")).isEqualTo(91); // 1 Jan -> end of 31 Mar: 90 days + the as-of day
        assertThat((double) a.getAs("avg_repeat_spend")).isEqualTo(100.0); // (80 + 120) / 2; the trial's 150 excluded
        assertThat((BigDecimal) a.getAs("historical_revenue")).isEqualByComparingTo("320.00"); // 350 - 30
        assertThat((BigDecimal) a.getAs("historical_margin")).isEqualByComparingTo("128.00"); // 40 % of 320
        assertThat((String) a.getAs("status")).isEqualTo(PurchaseSummary.OK);

        Row b = byCustomer.get("B");
        assertThat(b.isNullAt(b.fieldIndex("x"))).isTrue();
        assertThat((String) b.getAs("status")).isEqualTo(PurchaseSummary.ONLY_REFUNDS);
        assertThat((BigDecimal) b.getAs("historical_revenue")).isEqualByComparingTo("-40.00");

        Row c = byCustomer.get("C");
        assertThat((int) c.getAs("x")).isEqualTo(1);
        assertThat((String) c.getAs("status")).isEqualTo(PurchaseSummary.NEGATIVE_NET_SPEND);

        Row d = byCustomer.get("D");
        assertThat((int) d.getAs("x")).isZero();
        assertThat((int) d.getAs("t_x_days")).isZero();
        assertThat((int) d.getAs("t_days")).isEqualTo(1);
        assertThat(d.isNullAt(d.fieldIndex("avg_repeat_spend"))).isTrue();
    }

    @Test
    void cohortSurvivorCurvesAndContractValue() {
        LakeTables tables = SharedSpark.lake(dir);
        GoldRows periods = new GoldRows(tables, "fact_account_period");
        // January cohort, 4 accounts: K1 closes in February (lost in period 1), K2 in March (period 2),
        // K3 and K4 stay open. K3 billed 100, 100, 130: ARPU over 3 months = 110.
        periods.accountMonth("K1", "P", 202401, "2024-01-05", "2024-02-10", "90")
                .accountMonth("K1", "P", 202402, "2024-01-05", "2024-02-10", "90")
                .accountMonth("K2", "Q", 202401, "2024-01-07", "2024-03-03", "90")
                .accountMonth("K3", "R", 202401, "2024-01-08", null, "100")
                .accountMonth("K3", "R", 202402, "2024-01-08", null, "100")
                .accountMonth("K3", "R", 202403, "2024-01-08", null, "130")
                .accountMonth("K4", "S", 202401, "2024-01-09", "2024-05-01", "50") // closes after the as-of date
                // February cohort, 2 accounts, both closed in March: no survivors at the end of period 1.
                .accountMonth("F1", "T", 202402, "2024-02-01", "2024-03-15", "70")
                .accountMonth("F2", "T", 202402, "2024-02-02", "2024-03-16", "70");
        Dataset<Row> periodsDf = periods.frame();
        Dataset<Row> accounts = RetentionCohorts.accounts(periodsDf, AS_OF);
        RetentionCohorts.Fits fits = RetentionCohorts.fit(accounts, AS_OF, line -> { });

        assertThat(fits.cohorts()).hasSize(2);
        RetentionCohorts.Cohort january = fits.cohorts().get(0);
        assertThat(january.month()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(january.curve().toString()).isEqualTo("SurvivorCurve[4, 3, 2]");
        RetentionCohorts.Cohort february = fits.cohorts().get(1);
        assertThat(february.curve().toString()).isEqualTo("SurvivorCurve[2, 0]");
        assertThat(february.status()).isEqualTo("no_survivors");
        assertThat(february.fit()).isNull();
        assertThat(fits.pooled().status()).isEqualTo("ok");

        ClvSettings settings = ClvSettings.defaults(DefaultRules.get().clv(), AS_OF).withHoldoutWeeks(0);
        Map<String, Row> values = new HashMap<>();
        for (Row r : ContractValues.of(tables.spark(), accounts, periodsDf, fits, settings).collectAsList()) {
            values.put(r.getAs("customer_id"), r);
        }
        // R: one open account of the January cohort, renewed twice by the end of March.
        ShiftedBetaGeometricModel model = january.status().equals("ok") ? january.fit().model() : fits.pooled().fit().model();
        double monthly = new AnnualDiscountRate(0.10).perPeriod(Span.months(1));
        double factor = model.discountedExpectedResidualLifetime(monthly, 2, 12);
        Row r = values.get("R");
        assertThat((double) r.getAs("arpu")).isCloseTo(110.0, within(1e-9));
        assertThat((double) r.getAs("clv")).isCloseTo(110.0 * 0.35 * factor, within(1e-9));
        assertThat((double) r.getAs("p_alive")).isEqualTo(1.0);
        assertThat((String) r.getAs("status")).isEqualTo("ok");
        // S's closing lies after the as-of date: open (ARPU over its billed month, 50).
        assertThat((double) values.get("S").getAs("arpu")).isCloseTo(50.0, within(1e-9));
        // P and T have no open account: worth 0, not alive; T's cohort had no survivors.
        for (String churned : List.of("P", "T")) {
            Row v = values.get(churned);
            assertThat((double) v.getAs("clv")).as(churned).isZero();
            assertThat((double) v.getAs("p_alive")).as(churned).isZero();
            assertThat((String) v.getAs("status")).as(churned).isEqualTo("ok");
        }
        assertThat(settings.timeUnit()).isEqualTo(ModelTimeUnit.WEEKS);
    }
}
