package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.ModelFitException;
import io.crmlake.etl.model.sbg.ShiftedBetaGeometricFitter;
import io.crmlake.etl.model.sbg.ShiftedBetaGeometricModel;
import io.crmlake.etl.model.sbg.SurvivorCurve;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Contractual retention: accounts grouped into cohorts by opening month, each cohort's survivor
 * curve S_0..S_n at the ends of its complete months, and a shifted-beta-geometric fit per cohort
 * (Fader &amp; Hardie 2007) plus one pooled over all cohorts. A cohort whose own maximum lies on the
 * boundary (nobody survived month 1, nobody churned, or no complete month yet) or whose fit fails
 * keeps an explicit status and is valued with the pooled fit.
 *
 * <p>Periods: month 0 is the opening month; an account closed during calendar month k after opening
 * is lost in period max(k, 1); a closing after the as-of date is not known yet (the account is open).
 */
public final class RetentionCohorts {

    static final String POOLED = "ALL";

    /** One cohort's curve and fit. {@code fit} is null unless status is ok. */
    public record Cohort(YearMonth month, SurvivorCurve curve, long accounts, String status, String detail,
                  FitResult<ShiftedBetaGeometricModel> fit, double seconds) {
        public String id() {
            return month == null ? POOLED : month.toString();
        }
    }

    /** All cohorts (by month) and the pooled fit (null when even the pool cannot be fitted, see pooledStatus). */
    public record Fits(List<Cohort> cohorts, Cohort pooled, long accounts) {
        /** The model that values accounts of {@code month}: its own fit, else the pooled one, else none. */
        ShiftedBetaGeometricModel modelFor(YearMonth month) {
            for (Cohort c : cohorts) {
                if (c.month().equals(month) && c.fit() != null) {
                    return c.fit().model();
                }
            }
            return pooled.fit() == null ? null : pooled.fit().model();
        }

        String modelName(YearMonth month) {
            for (Cohort c : cohorts) {
                if (c.month().equals(month) && c.fit() != null) {
                    return "sbg";
                }
            }
            return pooled.fit() == null ? "none" : "sbg_pooled";
        }
    }

    private RetentionCohorts() {}

    /** The last month whose end is on or before the as-of date. */
    static YearMonth lastCompleteMonth(LocalDate asOf) {
        YearMonth m = YearMonth.from(asOf);
        return asOf.equals(m.atEndOfMonth()) ? m : m.minusMonths(1);
    }

    static int index(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    static YearMonth monthOf(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /**
     * One row per account opened by the as-of date: account_id, customer_id, open_index (months since
     * year 0), is_open (not closed by the as-of date), lost_period (period it was lost in, null while open
     * at the end of the last complete month).
     */
    static Dataset<Row> accounts(Dataset<Row> accountPeriodsDf, LocalDate asOf) {
        java.sql.Date day = java.sql.Date.valueOf(asOf);
        int last = index(lastCompleteMonth(asOf));
        var openIndex = year(col("open_date")).multiply(12).plus(month(col("open_date"))).minus(1);
        var closeIndex = year(col("close_date")).multiply(12).plus(month(col("close_date"))).minus(1);
        var closed = col("close_date").isNotNull().and(col("close_date").leq(lit(day)));
        return accountPeriodsDf
                .filter(col("open_date").leq(lit(day)))
                .groupBy("account_id")
                .agg(first("customer_id").as("customer_id"), min("open_date").as("open_date"),
                        max("close_date").as("close_date"))
                .withColumn("open_index", openIndex)
                .withColumn("is_open", closed.unary_$bang())
                .withColumn("lost_period", when(closed.and(closeIndex.leq(last)),
                        greatest(lit(1), closeIndex.minus(openIndex))))
                .select("account_id", "customer_id", "open_index", "is_open", "lost_period");
    }

    /** Survivor curves from the accounts, one sBG fit per cohort and one pooled. */
    static Fits fit(Dataset<Row> accountsDf, LocalDate asOf, Consumer<String> progress) {
        int last = index(lastCompleteMonth(asOf));
        List<Row> counts = accountsDf.groupBy("open_index", "lost_period").count().collectAsList();
        Map<Integer, Map<Integer, Long>> lostByCohort = new TreeMap<>();
        Map<Integer, Long> sizes = new TreeMap<>();
        long accounts = 0;
        for (Row r : counts) {
            int cohort = r.getInt(0);
            long n = r.getLong(2);
            sizes.merge(cohort, n, Long::sum);
            accounts += n;
            if (!r.isNullAt(1)) {
                lostByCohort.computeIfAbsent(cohort, k -> new TreeMap<>()).merge(r.getInt(1), n, Long::sum);
            }
        }
        ShiftedBetaGeometricFitter fitter = new ShiftedBetaGeometricFitter();
        List<Cohort> cohorts = new ArrayList<>();
        List<SurvivorCurve> poolable = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : sizes.entrySet()) {
            int cohort = e.getKey();
            YearMonth month = monthOf(cohort);
            int periods = last - cohort;
            if (periods < 1) {
                cohorts.add(new Cohort(month, null, e.getValue(), "too_young", "no complete month after the opening month yet",
                        null, 0));
                continue;
            }
            long[] survivors = new long[periods + 1];
            survivors[0] = e.getValue();
            Map<Integer, Long> lost = lostByCohort.getOrDefault(cohort, Map.of());
            for (int t = 1; t <= periods; t++) {
                survivors[t] = survivors[t - 1] - lost.getOrDefault(t, 0L);
            }
            SurvivorCurve curve = SurvivorCurve.of(survivors);
            poolable.add(curve);
            if (survivors[1] == 0) {
                cohorts.add(new Cohort(month, curve, survivors[0], "no_survivors", "all " + survivors[0]
                        + " accounts were lost in their first month; valued with the pooled fit", null, 0));
            } else if (survivors[periods] == survivors[0]) {
                cohorts.add(new Cohort(month, curve, survivors[0], "no_churn", "none of " + survivors[0]
                        + " accounts churned yet; valued with the pooled fit", null, 0));
            } else {
                long start = System.nanoTime();
                try {
                    cohorts.add(new Cohort(month, curve, survivors[0], "ok", null, fitter.fit(curve), (System.nanoTime() - start) / 1e9));
                } catch (ModelFitException ex) {
                    // One small cohort that does not converge must not stop the run: it is recorded and
                    // valued with the pooled fit, whose own failure does stop the run (below).
                    progress.accept("  sBG cohort " + month + ": not fitted (" + ex.getMessage() + "); using the pooled fit");
                    cohorts.add(new Cohort(month, curve, survivors[0], "not_converged", ex.getMessage(), null,
                            (System.nanoTime() - start) / 1e9));
                }
            }
        }
        Cohort pooled;
        if (poolable.isEmpty()) {
            pooled = new Cohort(null, null, accounts, accounts == 0 ? "no_accounts" : "too_young",
                    accounts == 0 ? "no contractual accounts" : "no cohort has a complete month yet", null, 0);
        } else if (poolable.stream().noneMatch(c -> c.survivors(1) > 0)) {
            pooled = new Cohort(null, null, accounts, "no_survivors", "no account of any cohort survived its first month", null, 0);
        } else if (poolable.stream().allMatch(c -> c.survivors(c.periods()) == c.cohortSize())) {
            pooled = new Cohort(null, null, accounts, "no_churn", "no account has churned yet: retention cannot be estimated",
                    null, 0);
        } else {
            long start = System.nanoTime();
            pooled = new Cohort(null, null, accounts, "ok", null, fitter.fitPooled(poolable), (System.nanoTime() - start) / 1e9);
        }
        return new Fits(cohorts, pooled, accounts);
    }
}
