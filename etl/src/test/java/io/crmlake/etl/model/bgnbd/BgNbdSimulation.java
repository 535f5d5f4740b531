package io.crmlake.etl.model.bgnbd;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/** Seeded simulation of the BG/NBD generative story (Fader, Hardie &amp; Lee 2005, section 2). */
final class BgNbdSimulation {

    private BgNbdSimulation() {
    }

    /**
     * Simulates customers with T uniform in [minT, maxT] (weeks). When {@code wholeDays} is set, T is
     * floored and t_x rounded to whole days and expressed in weeks, as a daily transaction table would give.
     */
    static RfmSummary simulate(BgNbdModel m, int customers, double minT, double maxT, boolean wholeDays, long seed) {
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
}
