package io.crmlake.etl.model.simulate;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.bgnbd.RfmSummary;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/** Seeded simulation of the BG/NBD generative story (Fader, Hardie &amp; Lee 2005, section 2). */
public final class BgNbdSimulation {

    private BgNbdSimulation() {
    }

    /**
     * Simulates customers with T uniform in [minT, maxT] (weeks). When {@code wholeDays} is set, T is
     * floored and t_x rounded to whole days and expressed in weeks, as a daily transaction table would give.
     */
    public static RfmSummary simulate(BgNbdModel m, int customers, double minT, double maxT, boolean wholeDays, long seed) {
        RandomDataGenerator rng = RandomDataGenerator.of(new Well19937c(seed));
        RfmSummary.Builder builder = RfmSummary.builder();
        for (int i = 0; i < customers; i++) {
            double t = minT + (maxT - minT) * rng.nextDouble();
            if (wholeDays) {
                t = Math.max(1, Math.floor(t * 7)) / 7.0;
            }
            double lambda = rng.nextGamma(m.r(), 1.0 / m.alpha());
            double p = rng.nextBeta(m.a(), m.b());
            int x = 0;
            double tx = 0;
            double clock = 0;
            while (true) {
                clock += rng.nextExponential(1.0 / lambda);
                if (clock > t) {
                    break;
                }
                x++;
                tx = clock;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
            if (wholeDays) {
                tx = Math.min(Math.rint(tx * 7), t * 7) / 7.0;
            }
            builder.add(x, tx, t);
        }
        return builder.build();
    }

    /** Per-customer histories in whole days with Gamma-Gamma spend, as the customer value mart reads them. */
    public record Customers(int[] x, int[] recencyDays, int[] ageDays, double[] meanRepeatSpend) {
        public int size() {
            return x.length;
        }
    }

    /**
     * Simulates customers with T uniform in [minWeeks, maxWeeks] and whole-day times (t_x rounded, T
     * floored, at least 1 day), and the mean of each repeat buyer's x Gamma-Gamma spends (Fader &amp;
     * Hardie 2013: nu ~ Gamma(q, rate gamma), each spend ~ Gamma(p, rate nu)); NaN for x = 0.
     */
    public static Customers customers(BgNbdModel m, GammaGammaModel spend, int customers, double minWeeks,
                                      double maxWeeks, long seed) {
        RandomDataGenerator rng = RandomDataGenerator.of(new Well19937c(seed));
        int[] xs = new int[customers];
        int[] recency = new int[customers];
        int[] age = new int[customers];
        double[] mean = new double[customers];
        for (int i = 0; i < customers; i++) {
            int days = (int) Math.max(1, Math.floor((minWeeks + (maxWeeks - minWeeks) * rng.nextDouble()) * 7));
            double t = days / 7.0;
            double lambda = rng.nextGamma(m.r(), 1.0 / m.alpha());
            double p = rng.nextBeta(m.a(), m.b());
            int x = 0;
            double tx = 0;
            double clock = 0;
            while (true) {
                clock += rng.nextExponential(1.0 / lambda);
                if (clock > t) {
                    break;
                }
                x++;
                tx = clock;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
            xs[i] = x;
            recency[i] = (int) Math.min(Math.rint(tx * 7), days - 1);
            age[i] = days;
            if (x > 0) {
                double nu = rng.nextGamma(spend.q(), 1.0 / spend.gamma());
                double total = 0;
                for (int k = 0; k < x; k++) {
                    total += rng.nextGamma(spend.p(), 1.0 / nu);
                }
                mean[i] = total / x;
            } else {
                mean[i] = Double.NaN;
            }
        }
        return new Customers(xs, recency, age, mean);
    }
}
