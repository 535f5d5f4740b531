package io.crmlake.etl.model.sbg;

import java.util.Arrays;

/**
 * Survivors of one cohort at the end of periods 0..n: S_0 (cohort size) &gt;= S_1 &gt;= ... &gt;= S_n &gt;= 0.
 * Churners in period t are S_{t-1} - S_t; S_n are still alive (right-censored).
 */
public final class SurvivorCurve {

    private final long[] survivors;

    private SurvivorCurve(long[] survivors) {
        this.survivors = survivors;
    }

    /**
     * @throws IllegalArgumentException when the array is null, has fewer than two counts, S_0 &lt;= 0, a count is
     *                                  negative, or the curve increases (the message names the period and counts)
     */
    public static SurvivorCurve of(long... survivors) {
        if (survivors == null || survivors.length == 0) {
            throw new IllegalArgumentException("survivor counts are empty: need S_0 (cohort size) and at least S_1");
        }
        if (survivors.length < 2) {
            throw new IllegalArgumentException("only S_0=" + survivors[0]
                    + " given: need at least one later period S_1 to fit retention");
        }
        if (survivors[0] <= 0) {
            throw new IllegalArgumentException("cohort size S_0 must be > 0, got " + survivors[0]);
        }
        for (int t = 1; t < survivors.length; t++) {
            if (survivors[t] < 0) {
                throw new IllegalArgumentException("survivors S_" + t + " must be >= 0, got " + survivors[t]);
            }
            if (survivors[t] > survivors[t - 1]) {
                throw new IllegalArgumentException("survivor counts must not increase: S_" + t + "=" + survivors[t]
                        + " > S_" + (t - 1) + "=" + survivors[t - 1] + " in " + Arrays.toString(survivors));
            }
        }
        return new SurvivorCurve(survivors.clone());
    }

    /** Number of observed periods n (the last index). */
    public int periods() {
        return survivors.length - 1;
    }

    public long cohortSize() {
        return survivors[0];
    }

    /** S_t for 0 &lt;= t &lt;= n. */
    public long survivors(int t) {
        return survivors[t];
    }

    /** Customers lost during period t (1 &lt;= t &lt;= n): S_{t-1} - S_t. */
    public long churned(int t) {
        return survivors[t - 1] - survivors[t];
    }

    @Override
    public String toString() {
        return "SurvivorCurve" + Arrays.toString(survivors);
    }
}
