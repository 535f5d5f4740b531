package io.crmlake.etl.model.segment;

import io.crmlake.warehouse.rules.LifecycleRules;
import java.util.HashMap;
import java.util.Map;

/**
 * Lifecycle stage of one customer: computes the measures the rules test, then applies the
 * rules in their declared order (first match wins). Measures that cannot be computed are left
 * out, and a rule testing a missing measure does not hold.
 */
public final class LifecycleStages {
    private LifecycleStages() {}

    public static String stage(LifecycleRules rules, CustomerHistory history) {
        return rules.stageOf(measures(history, rules.trendMonths()));
    }

    /**
     * The measures of {@link LifecycleRules#MEASURES} for k = {@code trendMonths}:
     * trend_ratio = sum of the last k months / sum of the k months before (needs 2k months and
     * a positive earlier sum); trend_slope = least-squares slope of the last k months divided by
     * their mean, i.e. the relative change per month (needs k ≥ 2 months and a positive mean);
     * recency_cycles = recency_days / mean days between purchases (needs a positive cycle).
     */
    public static Map<String, Double> measures(CustomerHistory history, int trendMonths) {
        Map<String, Double> m = new HashMap<>();
        m.put("tenure_months", (double) history.tenureMonths());
        double recency = history.recencyDays();
        if (Double.isFinite(recency)) {
            m.put("recency_days", recency);
            double cycle = history.meanInterPurchaseDays();
            if (Double.isFinite(cycle) && cycle > 0) {
                m.put("recency_cycles", recency / cycle);
            }
        }
        double[] revenue = history.monthlyRevenue();
        int n = revenue.length;
        int k = trendMonths;
        if (n >= 2 * k) {
            double last = sum(revenue, n - k, n);
            double previous = sum(revenue, n - 2 * k, n - k);
            if (previous > 0) {
                m.put("trend_ratio", last / previous);
            }
        }
        if (k >= 2 && n >= k) {
            double mean = sum(revenue, n - k, n) / k;
            if (mean > 0) {
                m.put("trend_slope", slope(revenue, n - k, n) / mean);
            }
        }
        return m;
    }

    private static double sum(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s;
    }

    /** Ordinary least-squares slope of values[from..to) against 0, 1, 2, ... */
    private static double slope(double[] values, int from, int to) {
        int k = to - from;
        double xMean = (k - 1) / 2.0;
        double yMean = sum(values, from, to) / k;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = i - xMean;
            sxy += dx * (values[from + i] - yMean);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }
}
