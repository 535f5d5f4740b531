package io.crmlake.etl.model.sbg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.GradientCheck;
import io.crmlake.etl.model.fit.ModelFitException;

class ShiftedBetaGeometricTest {

    /** Fader &amp; Hardie (2007), Table 1, "regular" segment: survivors of 1,000 customers, years 0..7. */
    private static final SurvivorCurve REGULAR = SurvivorCurve.of(1000, 631, 468, 382, 326, 289, 262, 241);
    /** Fader &amp; Hardie (2007), Table 1, "high end" segment. */
    private static final SurvivorCurve HIGH_END = SurvivorCurve.of(1000, 869, 743, 653, 593, 551, 517, 491);

    /** Fader &amp; Hardie (2007), estimates reported for Table 1: "regular" fits alpha = 0.704, beta = 1.182, LL = -1680.27. */
    @Test
    void fitsRegularSegmentAsInPaper() {
        FitResult<ShiftedBetaGeometricModel> fit = new ShiftedBetaGeometricFitter().fit(REGULAR);
        assertThat(fit.estimate("alpha")).isCloseTo(0.704, within(1e-3));
        assertThat(fit.estimate("beta")).isCloseTo(1.182, within(1e-3));
        assertThat(fit.logLikelihood()).isCloseTo(-1680.27, within(0.01));
        assertThat(fit.standardError("alpha")).isFinite().isPositive();
        assertThat(fit.standardError("beta")).isFinite().isPositive();
        assertThat(fit.observations()).isEqualTo(1000.0);
    }

    /** Fader &amp; Hardie (2007), estimates reported for Table 1: "high end" fits alpha = 0.668, beta = 3.806, LL = -1611.16. */
    @Test
    void fitsHighEndSegmentAsInPaper() {
        FitResult<ShiftedBetaGeometricModel> fit = new ShiftedBetaGeometricFitter().fit(HIGH_END);
        assertThat(fit.estimate("alpha")).isCloseTo(0.668, within(1e-3));
        assertThat(fit.estimate("beta")).isCloseTo(3.806, within(1e-3));
        assertThat(fit.logLikelihood()).isCloseTo(-1611.16, within(0.01));
    }

    @Test
    void survivalRetentionAndChurnAreConsistent() {
        ShiftedBetaGeometricModel m = new ShiftedBetaGeometricModel(0.704, 1.182);
        // r_1 = beta / (alpha + beta) = 1.182 / 1.886 = 0.626723
        assertThat(m.retentionRate(1)).isCloseTo(1.182 / 1.886, within(1e-12));
        assertThat(m.survival(0)).isEqualTo(1.0);
        double s = 1;
        for (int t = 1; t <= 12; t++) {
            assertThat(m.churnProbability(t)).isCloseTo(m.survival(t - 1) - m.survival(t), within(1e-14));
            s *= m.retentionRate(t);
            assertThat(m.survival(t)).isCloseTo(s, within(1e-14));
            if (t > 1) {
                assertThat(m.retentionRate(t)).isGreaterThan(m.retentionRate(t - 1));
            }
        }
        assertThat(m.projectSurvivors(1000, 2)).containsExactly(1000, 1000 * m.survival(1), 1000 * m.survival(2));
    }

    /** DERL (Fader &amp; Hardie 2010) against the direct sum over S(t)/S(n-1) (1+d)^-(t-n). */
    @Test
    void discountedExpectedResidualLifetimeMatchesDirectSum() {
        ShiftedBetaGeometricModel m = new ShiftedBetaGeometricModel(0.668, 3.806);
        double d = 0.10;
        for (int renewals : new int[] {0, 1, 4, 10}) {
            int n = renewals + 1;
            double sum = 0;
            for (int t = n; t < n + 2000; t++) {
                sum += Math.exp(m.logSurvival(t) - m.logSurvival(n - 1)) / Math.pow(1 + d, t - n);
            }
            assertThat(m.discountedExpectedResidualLifetime(d, renewals)).as("renewals=%d", renewals)
                    .isCloseTo(sum, within(1e-9 * sum));
        }
        // Retention rises with tenure, so a longer-tenured customer is worth more.
        assertThat(m.discountedExpectedResidualLifetime(d, 5)).isGreaterThan(m.discountedExpectedResidualLifetime(d, 0));
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        GradientCheck.assertGradientMatches(new ShiftedBetaGeometricLogLikelihood(REGULAR), new double[] {0.7, 1.2}, 1e-6);
        GradientCheck.assertGradientMatches(new ShiftedBetaGeometricLogLikelihood(SurvivorCurve.of(50, 20, 0)),
                new double[] {2.0, 0.3}, 1e-6);
    }

    @Test
    void rejectsDegenerateCohorts() {
        assertThatThrownBy(() -> SurvivorCurve.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SurvivorCurve.of(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S_1");
        assertThatThrownBy(() -> SurvivorCurve.of(100, 80, 85)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S_2=85 > S_1=80");
        assertThatThrownBy(() -> SurvivorCurve.of(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cohort size");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFitter().fit(SurvivorCurve.of(100, 0, 0)))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("no survivors");
        assertThatThrownBy(() -> new ShiftedBetaGeometricFitter().fit(SurvivorCurve.of(100, 100, 100)))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("no churn");
    }
}
