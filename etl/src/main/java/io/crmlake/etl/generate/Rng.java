package io.crmlake.etl.generate;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * One named, seeded random stream. Each concern (customer profiles, purchases, churn, campaigns,
 * defects...) draws from its own stream, so adding draws to one concern never shifts another,
 * and a dirty run writes exactly the good rows of the clean run with the same seed.
 */
final class Rng {

    private final RandomDataGenerator g;

    Rng(long seed, String stream) {
        // Mix the seed with a fixed hash of the stream name (String.hashCode is specified).
        long mixed = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream.hashCode()).nextLong();
        this.g = RandomDataGenerator.of(new Well19937c(mixed));
    }

    double uniform() {
        return g.nextDouble();
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * g.nextDouble();
    }

    boolean chance(double p) {
        return g.nextDouble() < p;
    }

    /** 0 ≤ result &lt; n. */
    int below(int n) {
        return g.nextInt(n);
    }

    /** lo ≤ result ≤ hi. */
    int between(int lo, int hi) {
        return lo + g.nextInt(hi - lo + 1);
    }

    long belowLong(long n) {
        return (long) (g.nextDouble() * n);
    }

    <T> T pick(List<T> items) {
        return items.get(g.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[g.nextInt(items.length)];
    }

    /** Index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = g.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Gamma with the given shape and RATE (the papers' parameterisation; Hipparchus takes a scale). */
    double gammaRate(double shape, double rate) {
        return g.nextGamma(shape, 1.0 / rate);
    }

    double beta(double a, double b) {
        return g.nextBeta(a, b);
    }

    /** Unit exponential: the hazard mass until the next event of a (piecewise) Poisson process. */
    double unitExponential() {
        return g.nextExponential(1.0);
    }

    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * g.nextNormal(0, 1));
    }

    double normal(double mean, double sd) {
        return g.nextNormal(mean, sd);
    }
}
