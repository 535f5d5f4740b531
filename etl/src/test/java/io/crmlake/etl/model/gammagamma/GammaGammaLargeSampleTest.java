package io.crmlake.etl.model.gammagamma;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.FitOptions;
import io.crmlake.etl.model.fit.FitResult;

/**
 * The Gamma-Gamma fit at the size of the 10^6-customer benchmark lake: about 400,000 repeat
 * buyers, spend in CNY at the generator's parameters (p = 6.25, q = 3.74, gamma = 175; Fader &amp;
 * Hardie 2013's p and q with the generator's gamma). At that size the per-buyer gradient near the
 * optimum is tiny along the q-gamma ridge, and the fit used to stop after 2,000 conjugate-gradient
 * iterations at a gradient norm of 1.7e-6 (tolerance 1e-6), failing `crmlake marts clv`.
 */
class GammaGammaLargeSampleTest {

    private static final SpendSummary BUYERS = simulate(400_000);

    @Test
    void convergesAndRecoversTheParametersOnFourHundredThousandBuyers() {
        FitResult<GammaGammaModel> fit = new GammaGammaFitter().fit(BUYERS);
        assertThat(fit.convergence().converged()).isTrue();
        assertThat(fit.convergence().gradientNorm()).isLessThanOrEqualTo(1e-6);
        double[] truth = {6.25, 3.74, 175};
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(fit.estimates()[i] - truth[i])).as(fit.parameterNames().get(i))
                    .isLessThan(4 * fit.standardErrors()[i]);
        }
    }

    /**
     * Where the conjugate-gradient stage stops short (here forced by an iteration limit of 3, in the
     * benchmark by the flat ridge), Newton steps finish the fit: same maximum, same tolerance.
     */
    @Test
    void newtonStepsFinishAFitTheConjugateGradientStageLeftShort() {
        FitResult<GammaGammaModel> full = new GammaGammaFitter().fit(BUYERS);
        FitResult<GammaGammaModel> cut = new GammaGammaFitter(FitOptions.DEFAULT.withMaxIterations(3)).fit(BUYERS);
        assertThat(cut.convergence().converged()).isTrue();
        assertThat(cut.convergence().gradientNorm()).isLessThanOrEqualTo(1e-6);
        for (int i = 0; i < 3; i++) {
            assertThat(cut.estimates()[i]).as(cut.parameterNames().get(i))
                    .isCloseTo(full.estimates()[i], org.assertj.core.api.Assertions.within(1e-3 * full.standardErrors()[i]));
        }
    }

    private static SpendSummary simulate(int buyers) {
        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(20261124L));
        double p = 6.25;
        double q = 3.74;
        double gamma = 175;
        SpendSummary.Builder data = SpendSummary.builder();
        for (int i = 0; i < buyers; i++) {
            // Repeat purchases 1..40, many more small than large, as in a BG/NBD population.
            int x = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 3.0) % 40;
            double nu = random.nextGamma(q, 1 / gamma);
            // The mean of x spends z ~ Gamma(p, rate nu) is Gamma(p x, rate nu x); rounded to cents as delivered.
            double mean = random.nextGamma(p * x, 1 / (nu * x));
            data.add(x, Math.max(0.01, Math.round(mean * 100) / 100.0));
        }
        return data.build();
    }
}
