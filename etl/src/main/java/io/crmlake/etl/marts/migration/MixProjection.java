package io.crmlake.etl.marts.migration;

import io.crmlake.etl.model.segment.MarkovProjection;
import java.util.List;
import java.util.Map;

/**
 * Projects one scheme's segment mix with a Markov chain whose matrix is estimated from observed
 * month-over-month moves: P[i][j] = moves i→j / moves out of i, pooled over the fitted months
 * (the maximum-likelihood estimate of a stationary chain; Anderson and Goodman 1957, Ann. Math.
 * Statist. 28:89). A segment never seen as a from-segment keeps its customers (P[i][i] = 1):
 * without evidence we assume no movement rather than invent one.
 */
public final class MixProjection {

    private MixProjection() {}

    /** shares[step][i] for steps 0..periods over {@code segments} (0 = the base mix itself). */
    public record Projection(List<String> segments, double[][] shares, long baseCustomers) {}

    public static Projection project(List<String> segments, Map<String, Map<String, Long>> moves,
                                     Map<String, Long> baseMix, int periods) {
        int n = segments.size();
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            Map<String, Long> row = moves.getOrDefault(segments.get(i), Map.of());
            long total = row.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                p[i][i] = 1;
                continue;
            }
            for (Map.Entry<String, Long> e : row.entrySet()) {
                int j = segments.indexOf(e.getKey());
                if (j < 0) {
                    throw new IllegalArgumentException("move to '" + e.getKey() + "' is not among the segments " + segments);
                }
                p[i][j] = e.getValue() / (double) total;
            }
        }
        long customers = baseMix.values().stream().mapToLong(Long::longValue).sum();
        if (customers == 0) {
            throw new IllegalArgumentException("the base month has no customers to project");
        }
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            mix[i] = baseMix.getOrDefault(segments.get(i), 0L) / (double) customers;
        }
        double[][] shares = new double[periods + 1][];
        for (int k = 0; k <= periods; k++) {
            shares[k] = MarkovProjection.project(p, mix, k);
        }
        return new Projection(List.copyOf(segments), shares, customers);
    }
}
