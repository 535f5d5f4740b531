package io.crmlake.etl.model.contribution;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * 20/80 contribution of a measure (revenue, margin) across customers. Values are never
 * clipped: with negative margins the top customers can hold more than 100 % of the total
 * (the bankers' 20/300), and that is reported as such.
 */
public final class Contribution {

    /** Points of {@link #paretoCurve}. */
    public static final int CURVE_POINTS = 100;

    private Contribution() {}

    /**
     * The Pareto (Lorenz-from-the-top) curve at x = 0.01, 0.02, …, 1.00: share of customers,
     * largest first, against the share of the measure they hold.
     */
    public record ParetoCurve(double[] customerShare, double[] measureShare) {}

    public static ParetoCurve paretoCurve(double[] values) {
        double[] sorted = descending(values);
        double total = positiveTotal(sorted);
        double[] x = new double[CURVE_POINTS];
        double[] y = new double[CURVE_POINTS];
        for (int k = 1; k <= CURVE_POINTS; k++) {
            x[k - 1] = k / (double) CURVE_POINTS;
            y[k - 1] = topAmount(sorted, k / (double) CURVE_POINTS) / total;
        }
        return new ParetoCurve(x, y);
    }

    /**
     * Share of the total held by the top {@code fraction} of customers. The curve between whole
     * customers is linear: the top 20 % of 7 customers is the first customer plus 0.4 of the
     * second. Above 1 (or below 0) when other customers' values are negative.
     */
    public static double topShare(double[] values, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction is " + fraction + "; expected 0..1 (0.20 for the top 20 %)");
        }
        double[] sorted = descending(values);
        return topAmount(sorted, fraction) / positiveTotal(sorted);
    }

    /**
     * Whole customers, largest first, needed to reach {@code share} of the total: the smallest m
     * whose cumulative sum is at least share × total (reaching exactly 80 % counts). Whole
     * customers rather than an interpolated fraction, so the answer is a list one can act on;
     * divide by n for the fraction. Sums are exact decimals of the values (BigDecimal).
     */
    public static int customersNeededFor(double[] values, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share is " + share + "; expected above 0 and at most 1");
        }
        double[] sorted = descending(values);
        positiveTotal(sorted);
        BigDecimal total = BigDecimal.ZERO;
        for (double v : sorted) {
            total = total.add(BigDecimal.valueOf(v));
        }
        BigDecimal target = BigDecimal.valueOf(share).multiply(total);
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int m = 0; m < sorted.length; m++) {
            cumulative = cumulative.add(BigDecimal.valueOf(sorted[m]));
            if (cumulative.compareTo(target) >= 0) {
                return m + 1;
            }
        }
        return sorted.length;
    }

    /**
     * Gini coefficient on the values as given, G = Σ_i (2i − n − 1) x_(i) / (n Σ_i x_i) with x
     * sorted ascending and i = 1..n: the sorted form of the mean absolute difference
     * Σ_i Σ_j |x_i − x_j| / (2 n² μ) (Damgaard and Weiner 2000, Ecology 81:1139, eq. 1–2).
     * 0 for equal values; (n − 1)/n when one customer holds everything. Negative values are kept:
     * the formula then can exceed 1 (Chen, Tsaur and Rhai 1982, Oxford Economic Papers 34:473),
     * which we report rather than hide. NaN when the total is not positive (no share exists) or
     * there are no values.
     */
    public static double gini(double[] values) {
        int n = values.length;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        if (n == 0 || !(total > 0)) {
            return Double.NaN;
        }
        return weighted / (n * total);
    }

    /** Positions sorted by value, largest first; ties keep input order (stable). */
    static int[] orderDescending(double[] values) {
        Integer[] idx = new Integer[values.length];
        for (int i = 0; i < idx.length; i++) {
            if (Double.isNaN(values[i]) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; expected a finite number");
            }
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(values[b], values[a]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    private static double[] descending(double[] values) {
        int[] order = orderDescending(values);
        double[] sorted = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = values[order[i]];
        }
        return sorted;
    }

    private static double positiveTotal(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        if (values.length == 0 || !(total > 0)) {
            throw new IllegalArgumentException("the total is " + total + " over " + values.length
                    + " customers; shares are defined only for a positive total");
        }
        return total;
    }

    private static double topAmount(double[] sorted, double fraction) {
        double position = fraction * sorted.length;
        int whole = (int) Math.floor(position);
        double amount = 0;
        for (int i = 0; i < whole; i++) {
            amount += sorted[i];
        }
        if (whole < sorted.length) {
            amount += (position - whole) * sorted[whole];
        }
        return amount;
    }
}
