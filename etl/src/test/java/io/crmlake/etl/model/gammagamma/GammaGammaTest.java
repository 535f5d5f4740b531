package io.crmlake.etl.model.gammagamma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.FitOptions;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.GradientCheck;
import io.crmlake.etl.model.fit.ModelFitException;

class GammaGammaTest {

    /** CDNOW estimates, Fader &amp; Hardie (2013), "The Gamma-Gamma model of monetary value". */
    private static final GammaGammaModel CDNOW = new GammaGammaModel(6.25, 3.74, 15.44);

    /**
     * E(M | x, m) = (gamma + x m) p / (p x + q - 1) at the CDNOW estimates, by hand:
     * x = 2, m = 35: (15.44 + 70) * 6.25 / (12.5 + 2.74) = 534 / 15.24 = 35.03937008.
     * x = 10, m = 20: (15.44 + 200) * 6.25 / (62.5 + 2.74) = 1346.5 / 65.24 = 20.63917842.
     * x = 0 (population mean p gamma / (q - 1)): 96.5 / 2.74 = 35.21897810.
     */
    @Test
    void conditionalExpectedSpendAtCdnowEstimates() {
        assertThat(CDNOW.expectedAverageSpend(2, 35)).isCloseTo(35.03937008, within(1e-8));
        assertThat(CDNOW.expectedAverageSpend(10, 20)).isCloseTo(20.63917842, within(1e-8));
        assertThat(CDNOW.expectedAverageSpend(0, Double.NaN)).isCloseTo(35.21897810, within(1e-8));
        assertThat(CDNOW.populationMeanSpend()).isCloseTo(35.21897810, within(1e-8));
    }

    @Test
    void expectationNeedsQAboveOne() {
        GammaGammaModel heavyTailed = new GammaGammaModel(2, 0.8, 10);
        assertThatThrownBy(() -> heavyTailed.expectedAverageSpend(3, 20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("q > 1").hasMessageContaining("0.8");
        assertThatThrownBy(heavyTailed::populationMeanSpend).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsNonPositiveSpendNamingTheValue() {
        assertThatThrownBy(() -> SpendSummary.builder().add(3, -12.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-12.5");
        assertThatThrownBy(() -> SpendSummary.builder().add(1, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.0");
        // Customers without repeat purchases carry no spend: skipped, counted.
        SpendSummary s = SpendSummary.builder().add(0, 0).add(0, Double.NaN).add(2, 10).build();
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.excludedNonRepeatBuyers()).isEqualTo(2);
    }

    /** The likelihood is a density of the mean spend: it integrates to 1 over m (trapezoid on a log grid). */
    @Test
    void likelihoodIsADensityInMeanSpend() {
        int x = 3;
        double integral = 0;
        double prevM = 1e-6;
        double prevF = Math.exp(CDNOW.logLikelihood(x, prevM));
        for (double lm = Math.log(prevM); lm < Math.log(1e6); lm += 1e-3) {
            double m = Math.exp(lm + 1e-3);
            double f = Math.exp(CDNOW.logLikelihood(x, m));
            integral += 0.5 * (f + prevF) * (m - prevM);
            prevM = m;
            prevF = f;
        }
        assertThat(integral).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        SpendSummary data = SpendSummary.of(new int[] {1, 2, 5, 12}, new double[] {12.0, 35.5, 20.1, 80});
        GradientCheck.assertGradientMatches(new GammaGammaLogLikelihood(data), new double[] {6.25, 3.74, 15.44}, 1e-6);
    }

    /**
     * Identical (x, m) pairs merge into one weighted row; the likelihood grouped by x and summed in
     * chunks equals the plain sum of the buyers' log-likelihoods.
     */
    @Test
    void mergedAndGroupedLikelihoodEqualsTheSumOverBuyers() {
        SpendSummary merged = SpendSummary.of(new int[] {2, 2, 3, 2}, new double[] {10.5, 10.5, 10.5, 7.25});
        assertThat(merged.size()).isEqualTo(3);
        assertThat(merged.totalWeight()).isEqualTo(4.0);
        assertThat(merged.frequency(0)).isEqualTo(2);
        assertThat(merged.meanSpend(0)).isEqualTo(7.25);
        assertThat(merged.weight(1)).as("(2, 10.5) twice").isEqualTo(2.0);

        SpendSummary data = simulate(CDNOW, 40_000, 17L);
        assertThat(data.size()).isGreaterThan(3 * io.crmlake.etl.model.fit.ChunkedSum.CHUNK_ROWS);
        double[] p = {5.0, 3.0, 12.0};
        GammaGammaModel m = new GammaGammaModel(p[0], p[1], p[2]);
        double expected = 0;
        for (int i = 0; i < data.size(); i++) {
            expected += data.weight(i) * m.logLikelihood(data.frequency(i), data.meanSpend(i));
        }
        GammaGammaLogLikelihood ll = new GammaGammaLogLikelihood(data);
        assertThat(ll.evaluate(p, null)).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        GradientCheck.assertGradientMatches(ll, p, 1e-6);
    }

    @Test
    void correlationOfFrequencyAndSpend() {
        SpendSummary independent = SpendSummary.of(new int[] {1, 2, 1, 2}, new double[] {10, 10, 20, 20});
        assertThat(independent.frequencySpendCorrelation()).isCloseTo(0.0, within(1e-12));
        SpendSummary linear = SpendSummary.of(new int[] {1, 2, 3}, new double[] {10, 20, 30});
        assertThat(linear.frequencySpendCorrelation()).isCloseTo(1.0, within(1e-12));
    }

    /** Recovery: 5,000 simulated repeat buyers (seeded) at the CDNOW parameters, each estimate within 4 SE. */
    @Test
    void recoversSimulatedParameters() {
        SpendSummary data = simulate(CDNOW, 5_000, 99L);
        FitResult<GammaGammaModel> fit = new GammaGammaFitter().fit(data);
        double[] truth = {CDNOW.p(), CDNOW.q(), CDNOW.gamma()};
        for (int i = 0; i < 3; i++) {
            assertThat(fit.standardErrors()[i]).isFinite().isPositive();
            assertThat(Math.abs(fit.estimates()[i] - truth[i])).as("%s", fit)
                    .isLessThanOrEqualTo(4 * fit.standardErrors()[i]);
        }
        assertThat(fit.convergence().converged()).isTrue();
        // Simulated spend is independent of frequency.
        assertThat(Math.abs(data.frequencySpendCorrelation())).isLessThan(0.05);
    }

    @Test
    void tooFewIterationsThrow() {
        SpendSummary data = simulate(CDNOW, 500, 5L);
        assertThatThrownBy(() -> new GammaGammaFitter(FitOptions.DEFAULT.withMaxIterations(1).withNewtonSteps(0)).fit(data))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("1 iterations")
                .hasMessageContaining("gradient norm");
    }

    /** nu ~ Gamma(q, rate gamma); the mean of x values ~ Gamma(p x, rate nu x). */
    static SpendSummary simulate(GammaGammaModel m, int customers, long seed) {
        RandomDataGenerator rng = RandomDataGenerator.of(new Well19937c(seed));
        SpendSummary.Builder b = SpendSummary.builder();
        for (int i = 0; i < customers; i++) {
            int x = 1 + (int) Math.floor(rng.nextExponential(3.0));
            double nu = rng.nextGamma(m.q(), 1.0 / m.gamma());
            b.add(x, rng.nextGamma(m.p() * x, 1.0 / (nu * x)));
        }
        return b.build();
    }
}
