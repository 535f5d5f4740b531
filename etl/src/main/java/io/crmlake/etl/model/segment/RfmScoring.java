package io.crmlake.etl.model.segment;

import io.crmlake.warehouse.rules.RfmScheme;
import java.util.Arrays;

/**
 * RFM scores by quantile rank, and the segment lookup.
 *
 * <p>Score of customer i on a dimension with L levels (5 = quintiles):
 * {@code score = 1 + floor(L * w_i / n)}, where {@code w_i} is the number of customers strictly
 * worse than i (lower frequency or monetary; more days since the last purchase for recency).
 * Ties: customers with equal values always get the same score, the one of the lowest
 * position their group occupies (the "min" rank of SQL's RANK()). So ties never split across
 * two scores, results do not depend on input order, and a score level may hold more or fewer
 * than n / L customers; when every customer is equal, all score 1.
 */
public final class RfmScoring {
    private RfmScoring() {}

    /** Scores where a larger value is better (frequency, monetary). */
    public static int[] scoreHigherIsBetter(double[] values, int levels) {
        return score(values, levels, false);
    }

    /** Scores where a smaller value is better (recency in days). */
    public static int[] scoreLowerIsBetter(double[] values, int levels) {
        return score(values, levels, true);
    }

    private static int[] score(double[] values, int levels, boolean lowerIsBetter) {
        if (levels < 2) {
            throw new IllegalArgumentException("levels is " + levels + "; expected at least 2");
        }
        int n = values.length;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("value " + i + " is NaN; score only customers with a value");
            }
            sorted[i] = lowerIsBetter ? -values[i] : values[i];
        }
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            double key = lowerIsBetter ? -values[i] : values[i];
            scores[i] = score(levels, lowerBound(sorted, key), n);
        }
        return scores;
    }

    /**
     * The score of a customer with {@code worse} customers strictly worse among {@code n}:
     * 1 + floor(levels · worse / n). The Spark marts get {@code worse} from a RANK() window.
     */
    public static int score(int levels, long worse, long n) {
        if (worse < 0 || worse >= n) {
            throw new IllegalArgumentException("worse is " + worse + " of " + n + " customers; expected 0 <= worse < n");
        }
        return 1 + (int) (levels * worse / n);
    }

    /** Number of entries strictly below key in an ascending array. */
    private static int lowerBound(double[] sorted, double key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Scores every customer over the scheme's levels and looks up the segment (first match wins). */
    public static String[] segments(RfmScheme scheme, double[] recencyDays, double[] frequency, double[] monetary) {
        int n = recencyDays.length;
        if (frequency.length != n || monetary.length != n) {
            throw new IllegalArgumentException("recency, frequency and monetary need one value per customer each");
        }
        int[] r = scoreLowerIsBetter(recencyDays, scheme.scores());
        int[] f = scoreHigherIsBetter(frequency, scheme.scores());
        int[] m = scoreHigherIsBetter(monetary, scheme.scores());
        String[] segments = new String[n];
        for (int i = 0; i < n; i++) {
            segments[i] = scheme.segmentOf(r[i], f[i], m[i]);
        }
        return segments;
    }
}
