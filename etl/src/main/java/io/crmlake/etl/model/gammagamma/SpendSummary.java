package io.crmlake.etl.model.gammagamma;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repeat buyers' spend for the Gamma-Gamma model: number of repeat transactions x &gt;= 1 and the mean
 * value m of those transactions, each with a weight (count of identical customers).
 * Customers with x = 0 carry no spend information and are counted but not kept. Identical (x, m)
 * pairs are merged into one row with the summed weight, which is exact (the likelihood is a sum over
 * buyers); with spend in whole cents many repeat buyers share a pair.
 */
public final class SpendSummary {

    private final int[] frequency;
    private final double[] meanSpend;
    private final double[] weight;
    private final double totalWeight;
    private final long excludedNonRepeat;

    private SpendSummary(List<double[]> rows, long excludedNonRepeat) {
        int n = rows.size();
        frequency = new int[n];
        meanSpend = new double[n];
        weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            frequency[i] = (int) r[0];
            meanSpend[i] = r[1];
            weight[i] = r[2];
            total += r[2];
        }
        this.totalWeight = total;
        this.excludedNonRepeat = excludedNonRepeat;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Per-customer arrays (weight 1 each). */
    public static SpendSummary of(int[] x, double[] meanSpend) {
        if (x.length != meanSpend.length) {
            throw new IllegalArgumentException("arrays of different lengths: x=" + x.length
                    + ", mean spend=" + meanSpend.length);
        }
        Builder b = builder();
        for (int i = 0; i < x.length; i++) {
            b.add(x[i], meanSpend[i]);
        }
        return b.build();
    }

    public int size() {
        return frequency.length;
    }

    public double totalWeight() {
        return totalWeight;
    }

    /** Customers with x = 0 that were skipped. */
    public long excludedNonRepeatBuyers() {
        return excludedNonRepeat;
    }

    public int frequency(int row) {
        return frequency[row];
    }

    public double meanSpend(int row) {
        return meanSpend[row];
    }

    public double weight(int row) {
        return weight[row];
    }

    /**
     * Weighted Pearson correlation between frequency x and mean spend m. The Gamma-Gamma model
     * assumes spend is independent of the transaction process (Fader &amp; Hardie 2013,
     * following Fader, Hardie &amp; Lee 2005 "RFM and CLV"): a value
     * far from 0 is a warning against using it. NaN when either variable is constant.
     */
    public double frequencySpendCorrelation() {
        double mx = 0;
        double mm = 0;
        for (int i = 0; i < size(); i++) {
            mx += weight[i] * frequency[i];
            mm += weight[i] * meanSpend[i];
        }
        mx /= totalWeight;
        mm /= totalWeight;
        double sxx = 0;
        double smm = 0;
        double sxm = 0;
        for (int i = 0; i < size(); i++) {
            double dx = frequency[i] - mx;
            double dm = meanSpend[i] - mm;
            sxx += weight[i] * dx * dx;
            smm += weight[i] * dm * dm;
            sxm += weight[i] * dx * dm;
        }
        return sxm / Math.sqrt(sxx * smm);
    }

    private record Pair(int x, double meanSpend) {
    }

    /** Collects customers, validating each, and merges identical (x, m) pairs. */
    public static final class Builder {
        private final Map<Pair, double[]> weights = new HashMap<>();
        private long excluded;

        public Builder add(int x, double meanSpend) {
            return add(x, meanSpend, 1.0);
        }

        /**
         * @throws IllegalArgumentException naming the value when x &lt; 0, the mean spend of a repeat buyer is
         *                                  not a finite positive number, or the weight is not positive
         */
        public Builder add(int x, double meanSpend, double weight) {
            if (x < 0) {
                throw new IllegalArgumentException("frequency x must be >= 0, got " + x);
            }
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
            }
            if (x == 0) {
                excluded += Math.round(weight);
                return this;
            }
            if (!(meanSpend > 0) || !Double.isFinite(meanSpend)) {
                throw new IllegalArgumentException("mean spend must be finite and > 0 (Gamma-Gamma needs positive "
                        + "transaction values), got " + meanSpend + " for a customer with x=" + x);
            }
            weights.computeIfAbsent(new Pair(x, meanSpend), k -> new double[1])[0] += weight;
            return this;
        }

        /** Rows sorted by x, then m. */
        public SpendSummary build() {
            List<double[]> rows = new ArrayList<>(weights.size());
            weights.forEach((k, w) -> rows.add(new double[] {k.x(), k.meanSpend(), w[0]}));
            rows.sort(Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
            return new SpendSummary(rows, excluded);
        }
    }
}
