package io.crmlake.etl.model.segment;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Projects a segment mix k periods ahead with a first-order Markov chain:
 * {@code mix_k = mix_0 · P^k}, where row i of P holds the probabilities of moving from segment
 * i to each segment in one period (so every row sums to 1). The mix may be shares or counts.
 */
public final class MarkovProjection {

    /** Rows may miss 1 by this much (estimated matrices are rounded). */
    public static final double ROW_SUM_TOLERANCE = 1e-9;

    private MarkovProjection() {}

    public static double[] project(double[][] transitions, double[] mix, int periods) {
        RealMatrix p = validated(transitions);
        if (mix.length != transitions.length) {
            throw new IllegalArgumentException("mix has " + mix.length + " segments; the matrix has " + transitions.length);
        }
        for (int i = 0; i < mix.length; i++) {
            if (!(mix[i] >= 0) || Double.isInfinite(mix[i])) {
                throw new IllegalArgumentException("mix[" + i + "] is " + mix[i] + "; expected a share or count of 0 or more");
            }
        }
        if (periods < 0) {
            throw new IllegalArgumentException("periods is " + periods + "; expected 0 or more");
        }
        return p.power(periods).preMultiply(mix);
    }

    /** Checks the matrix is square, non-negative and row-stochastic. */
    public static RealMatrix validated(double[][] transitions) {
        int n = transitions.length;
        if (n == 0) {
            throw new IllegalArgumentException("the transition matrix is empty");
        }
        for (int i = 0; i < n; i++) {
            if (transitions[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + transitions[i].length + " entries; expected " + n + " (square matrix)");
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double pij = transitions[i][j];
                if (!(pij >= 0 && pij <= 1)) {
                    throw new IllegalArgumentException("P[" + i + "][" + j + "] is " + pij + "; expected a probability in [0, 1]");
                }
                sum += pij;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("row " + i + " sums to " + sum + "; expected 1 (row-stochastic)");
            }
        }
        return MatrixUtils.createRealMatrix(transitions);
    }
}
