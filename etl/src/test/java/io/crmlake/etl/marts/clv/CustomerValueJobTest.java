package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.BuiltLake;
import io.crmlake.etl.support.SharedSpark;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole CLV job end to end on the shared generated lake (600 customers x 12 months). */
class CustomerValueJobTest {

    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    @TempDir
    static Path dir;

    static MartRun run(LakeTables tables, LocalDate asOf, List<String> progress) {
        return new MartRun(tables, DefaultRules.get(), asOf, ZoneId.of("Asia/Shanghai"), progress::add);
    }

    @Test
    void fillsTheMartTheModelRunsAndTheHoldoutAndIsUnitFree() {
        LakeTables tables = BuiltLake.tables();
        ClvSettings defaults = ClvSettings.defaults(DefaultRules.get().clv(), AS_OF).withHoldoutWeeks(0);
        List<String> progress = new ArrayList<>();

        assertThat(defaults.dropoutPrior()).as("the shipped rules allow the prior").isTrue();

        // First in days, then again for the same date in weeks with a holdout: the re-run replaces.
        CustomerValueJob.run(run(tables, AS_OF, progress), defaults.withTimeUnit(ModelTimeUnit.DAYS));
        Map<String, double[]> inDays = new HashMap<>();
        for (Row r : tables.read(CustomerValueJob.CUSTOMER_VALUE).filter("clv is not null").collectAsList()) {
            inDays.put(r.getAs("customer_id"), new double[] {r.getAs("clv"), r.getAs("p_alive")});
        }
        CustomerValueJob.Report report = CustomerValueJob.run(run(tables, AS_OF, progress), defaults.withHoldoutWeeks(8));

        List<Row> mart = tables.read(CustomerValueJob.CUSTOMER_VALUE).collectAsList();
        long known = tables.read("dim_customer").select("customer_id").distinct().count();
        assertThat(mart).hasSize((int) known); // one row per customer: the re-run did not duplicate
        assertThat(report.customers()).isEqualTo(known);
        int scored = 0;
        for (Row r : mart) {
            String id = r.getAs("customer_id");
            assertThat((String) r.getAs("time_unit")).isEqualTo("weeks");
            String status = r.getAs("status");
            Object clv = r.getAs("clv");
            if (status.equals("ok")) {
                assertThat(clv).as(id).isNotNull();
                double value = (double) clv;
                assertThat(value).as(id).isFinite().isGreaterThanOrEqualTo(0);
                assertThat((int) r.getAs("clv_decile")).isBetween(1, 10);
                assertThat((String) r.getAs("value_band")).isIn("none", "low", "medium", "high");
                // Same data in days: same money and P(alive) (the MLE is unit-equivariant; the fit tolerance
                // leaves a relative difference well below 1e-3).
                double[] days = inDays.get(id);
                assertThat(value).as(id + " clv").isCloseTo(days[0], within(1e-3 * Math.max(1, days[0])));
                assertThat((double) r.getAs("p_alive")).as(id + " p_alive").isCloseTo(days[1], within(1e-3));
                scored++;
            } else {
                assertThat(clv).as(id + " " + status).isNull();
            }
            for (String column : List.of("p_alive", "expected_purchases_90d", "expected_purchases_365d",
                    "expected_avg_spend", "clv", "t_x", "t_cal", "avg_repeat_spend")) {
                Object v = r.getAs(column);
                assertThat(v == null || Double.isFinite((double) v)).as(id + " " + column).isTrue();
            }
            if (r.getAs("relationship").equals("non_contractual") && r.getAs("x") != null) {
                // t_x and T in weeks: whole days / 7.
                assertThat((double) r.getAs("t_cal") * 7).isCloseTo(Math.rint((double) r.getAs("t_cal") * 7), within(1e-9));
                assertThat((double) r.getAs("p_alive")).isBetween(0.0, 1.0);
            }
        }
        assertThat(scored).isGreaterThan((int) (0.9 * known));
        assertThat(mart.stream().filter(r -> r.getAs("relationship").equals("contractual")
                && r.getAs("status").equals("ok"))).isNotEmpty();
        // Deciles: the top decile's smallest CLV is at least the second decile's largest.
        double top = mart.stream().filter(r -> Integer.valueOf(1).equals(r.getAs("clv_decile")))
                .mapToDouble(r -> r.getAs("clv")).min().orElseThrow();
        double second = mart.stream().filter(r -> Integer.valueOf(2).equals(r.getAs("clv_decile")))
                .mapToDouble(r -> r.getAs("clv")).max().orElseThrow();
        assertThat(top).isGreaterThanOrEqualTo(second);

        Map<String, Row> runs = new HashMap<>();
        for (Row r : tables.read(CustomerValueJob.MODEL_RUN).collectAsList()) {
            runs.put(r.getAs("model") + "/" + r.getAs("fit_window") + "/" + r.getAs("cohort"), r);
        }
        assertThat(runs).containsKeys("bg_nbd/full/ALL", "bg_nbd/calibration/ALL", "gamma_gamma/full/ALL", "sbg/full/ALL");
        Row bg = runs.get("bg_nbd/full/ALL");
        assertThat((String) bg.getAs("time_unit")).isEqualTo("weeks");
        for (String p : List.of("r", "alpha", "a", "b")) {
            assertThat((double) bg.getAs(p)).as(p).isPositive();
            assertThat((double) bg.getAs(p + "_se")).as(p + " se").isPositive();
        }
        assertThat((String) bg.getAs("parameters")).startsWith("r=");
        assertThat((String) bg.getAs("data_version")).contains("fact_transaction@");
        assertThat((String) runs.get("gamma_gamma/full/ALL").getAs("parameters")).startsWith("p=");
        // This small lake sits at the edge (a, b drift large): with the shipped rules a fit that does
        // not converge falls back to the dropout prior and says so in detail.
        for (Row fit : List.of(bg, runs.get("bg_nbd/calibration/ALL"))) {
            assertThat((String) fit.getAs("status")).isIn("ok", "dropout_prior");
            if (fit.getAs("status").equals("dropout_prior")) {
                assertThat((String) fit.getAs("detail")).startsWith("maximum likelihood failed (")
                        .endsWith("posterior mode with ln a, ln b ~ N(0, 1)");
            } else {
                assertThat((Object) fit.getAs("detail")).isNull();
            }
        }
        assertThat(report.transactions().status()).isEqualTo(bg.getAs("status"));
        assertThat((Object) bg.getAs("beta")).as("beta is the sBG's").isNull();
        // sBG: alpha and beta in their own columns; b repeats beta for readers older than the column.
        Row sbg = runs.get("sbg/full/ALL");
        assertThat((double) sbg.getAs("beta")).isPositive();
        assertThat((double) sbg.getAs("beta_se")).isPositive();
        assertThat((double) sbg.getAs("b")).isEqualTo((double) sbg.getAs("beta"));
        assertThat((double) sbg.getAs("b_se")).isEqualTo((double) sbg.getAs("beta_se"));
        assertThat((String) sbg.getAs("parameters")).isEqualTo(String.format(java.util.Locale.ROOT,
                "alpha=%.6g beta=%.6g", (double) sbg.getAs("alpha"), (double) sbg.getAs("beta")));
        Row calibration = runs.get("bg_nbd/calibration/ALL");
        assertThat((int) calibration.getAs("holdout_weeks")).isEqualTo(8);
        assertThat((double) calibration.getAs("holdout_rmse")).isGreaterThanOrEqualTo((double) calibration.getAs("holdout_mae"));
        assertThat(report.holdout().actualTotal()).isEqualTo((long) calibration.getAs("holdout_actual"));

        List<Row> holdout = tables.read(CustomerValueJob.HOLDOUT).collectAsList();
        assertThat(holdout.stream().mapToLong(r -> r.getAs("customers")).sum()).isEqualTo(report.holdout().customers());
        double predicted = holdout.stream().mapToDouble(r -> (double) r.getAs("predicted_purchases") * (long) r.getAs("customers")).sum();
        assertThat(predicted).isCloseTo(report.holdout().predictedTotal(), within(1e-6));
    }

    @Test
    void aModelThatCannotBeFittedFailsWithTheReasonAndWritesNothing() {
        LakeTables tables = SharedSpark.lake(dir.resolve("no-repeats"));
        // Three buyers, none of whom came back: BG/NBD is not identified.
        new GoldRows(tables, "fact_transaction")
                .txn("T1", "A", "2024-01-03", "purchase", "10.00")
                .txn("T2", "B", "2024-01-04", "purchase", "20.00")
                .txn("T3", "C", "2024-02-05", "purchase", "30.00")
                .write();
        new GoldRows(tables, "dim_customer")
                .customer("A", "non_contractual", "2024-01-01")
                .customer("B", "non_contractual", "2024-01-01")
                .customer("C", "non_contractual", "2024-01-01")
                .write();
        LocalDate asOf = LocalDate.of(2024, 3, 31);
        assertThatThrownBy(() -> CustomerValueJob.run(run(tables, asOf, new ArrayList<>()),
                ClvSettings.defaults(DefaultRules.get().clv(), asOf).withHoldoutWeeks(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the CLV models could not be fitted as of 2024-03-31")
                .hasMessageContaining("no repeat purchases among 3.0 customers")
                .hasMessageContaining("nothing was written");
        assertThat(tables.exists(CustomerValueJob.CUSTOMER_VALUE)).isFalse();
        assertThat(tables.exists(CustomerValueJob.MODEL_RUN)).isFalse();
    }

    @Test
    void aHistoryShorterThanTheHoldoutSkipsTheCheckAndSaysSo() {
        LakeTables tables = SharedSpark.lake(dir.resolve("short-history"));
        // Three months of purchases, a 13-week holdout reaching back before the first one.
        GoldRows txns = new GoldRows(tables, "fact_transaction");
        GoldRows customers = new GoldRows(tables, "dim_customer");
        String[] days = {"2024-01-03", "2024-01-17", "2024-02-06", "2024-02-20", "2024-03-05", "2024-03-19"};
        int n = 0;
        for (int c = 0; c < 12; c++) {
            String id = "K" + c;
            customers.customer(id, "non_contractual", "2024-01-01");
            for (int d = 0; d <= c % days.length; d++) {
                txns.txn("T" + (n++), id, days[d], "purchase", (10 + c) + ".00");
            }
        }
        txns.write();
        customers.write();
        LocalDate asOf = LocalDate.of(2024, 3, 31);
        List<String> progress = new ArrayList<>();
        CustomerValueJob.Report report = CustomerValueJob.run(run(tables, asOf, progress),
                ClvSettings.defaults(DefaultRules.get().clv(), asOf).withHoldoutWeeks(13));
        assertThat(report.holdout()).isNull();
        assertThat(progress).anyMatch(l -> l.contains("holdout: skipped, no purchases before 2023-12-31"));
        assertThat(tables.read(CustomerValueJob.CUSTOMER_VALUE).count()).isEqualTo(12);
    }
}
