package io.crmlake.etl.model.bgnbd;

import io.crmlake.etl.model.simulate.BgNbdSimulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.FitOptions;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.ModelFitException;

class BgNbdFitterTest {

    private static final BgNbdModel TRUTH = BgNbdModelTest.CDNOW;

    private static void assertWithinFourStandardErrors(FitResult<BgNbdModel> fit, BgNbdModel truth) {
        double[] expected = {truth.r(), truth.alpha(), truth.a(), truth.b()};
        for (int i = 0; i < expected.length; i++) {
            String name = fit.parameterNames().get(i);
            double se = fit.standardErrors()[i];
            assertThat(se).as("se of %s", name).isFinite().isPositive();
            assertThat(Math.abs(fit.estimates()[i] - expected[i])).as("|%s - truth| vs 4 se (%s)", name, fit)
                    .isLessThanOrEqualTo(4 * se);
        }
    }

    /** Recovery: 20,000 simulated customers (seeded) with T ~ U[30, 80] weeks at the CDNOW parameters. */
    @Test
    void recoversSimulatedParameters() {
        RfmSummary data = BgNbdSimulation.simulate(TRUTH, 20_000, 30, 80, false, 20050101L);
        FitResult<BgNbdModel> fit = new BgNbdFitter().fit(data);
        assertThat(fit.convergence().converged()).isTrue();
        assertThat(fit.observations()).isEqualTo(20_000.0);
        assertWithinFourStandardErrors(fit, TRUTH);
        assertThat(fit.model().r()).isEqualTo(fit.estimate("r"));
    }

    /** Recovery at a second parameter point with more frequent buyers. */
    @Test
    void recoversOtherParameters() {
        BgNbdModel truth = new BgNbdModel(1.5, 12.0, 1.3, 4.0);
        RfmSummary data = BgNbdSimulation.simulate(truth, 20_000, 30, 80, false, 7L);
        assertWithinFourStandardErrors(new BgNbdFitter().fit(data), truth);
    }

    /** Compressing identical customers does not change the estimates. */
    @Test
    void weightsAreEquivalentToRepetition() {
        RfmSummary data = BgNbdSimulation.simulate(TRUTH, 3_000, 30, 80, true, 11L);
        RfmSummary.Builder doubled = RfmSummary.builder();
        for (int i = 0; i < data.size(); i++) {
            doubled.add(data.frequency(i), data.recency(i), data.age(i), 2 * data.count(i));
        }
        FitResult<BgNbdModel> once = new BgNbdFitter().fit(data);
        FitResult<BgNbdModel> twice = new BgNbdFitter().fit(doubled.build());
        for (int i = 0; i < 4; i++) {
            assertThat(twice.estimates()[i]).isCloseTo(once.estimates()[i],
                    org.assertj.core.api.Assertions.within(1e-3 * once.standardErrors()[i]));
            // Twice the data: standard errors shrink by sqrt(2).
            assertThat(twice.standardErrors()[i] * Math.sqrt(2)).isCloseTo(once.standardErrors()[i],
                    org.assertj.core.api.Assertions.within(1e-3 * once.standardErrors()[i]));
        }
        assertThat(twice.logLikelihood()).isCloseTo(2 * once.logLikelihood(),
                org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void tooFewIterationsThrowWithIterationsAndGradientNorm() {
        RfmSummary data = BgNbdSimulation.simulate(TRUTH, 2_000, 30, 80, false, 3L);
        // No Newton steps: they would finish the fit the two conjugate-gradient iterations leave short.
        BgNbdFitter fitter = new BgNbdFitter(FitOptions.DEFAULT.withMaxIterations(2).withNewtonSteps(0));
        assertThatThrownBy(() -> fitter.fit(data))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("2 iterations")
                .hasMessageContaining("gradient norm");
    }

    @Test
    void nonConvergenceCanBeReportedInsteadOfThrown() {
        RfmSummary data = BgNbdSimulation.simulate(TRUTH, 2_000, 30, 80, false, 3L);
        FitResult<BgNbdModel> fit = new BgNbdFitter(
                FitOptions.DEFAULT.withMaxIterations(2).withNewtonSteps(0).withFailOnNonConvergence(false)).fit(data);
        assertThat(fit.convergence().converged()).isFalse();
        assertThat(fit.convergence().gradientNorm()).isGreaterThan(FitOptions.DEFAULT.gradientTolerance());
    }

    @Test
    void dataWithoutRepeatPurchasesIsRejected() {
        RfmSummary data = RfmSummary.builder().add(0, 0, 10, 50).add(0, 0, 20, 50).build();
        assertThatThrownBy(() -> new BgNbdFitter().fit(data))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("no repeat purchases");
    }

    /**
     * 1,000,000 simulated customers, T and t_x in whole days expressed in weeks, compressed then fitted.
     * Only checks that it finishes and recovers the truth; timing is printed, not asserted.
     */
    @Test
    void fitsAMillionCustomersFromCompressedData() {
        long t0 = System.nanoTime();
        RfmSummary data = BgNbdSimulation.simulate(TRUTH, 1_000_000, 30, 80, true, 42L);
        long t1 = System.nanoTime();
        FitResult<BgNbdModel> fit = new BgNbdFitter().fit(data);
        long t2 = System.nanoTime();
        System.out.printf("BG/NBD 1e6 customers -> %d tuples; simulate+compress %.2f s, fit %.2f s, %s%n",
                data.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, fit.convergence());
        assertThat(fit.observations()).isEqualTo(1_000_000.0);
        assertWithinFourStandardErrors(fit, TRUTH);
    }
}
