package io.crmlake.etl.model.sbg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.ModelFitException;

class PooledCohortsTest {

    /** Fader &amp; Hardie (2007), Table 1, "regular" segment: survivors of 1,000 customers, years 0..7. */
    private static final SurvivorCurve REGULAR = SurvivorCurve.of(1000, 631, 468, 382, 326, 289, 262, 241);

    @Test
    void poolingACohortWithItsFirstYearsGivesBackThePaperFitWhenAlone() {
        // Two copies of the same curve: same maximum (alpha 0.704, beta 1.182 as in FH 2007), twice the LL.
        FitResult<ShiftedBetaGeometricModel> pooled = new ShiftedBetaGeometricFitter().fitPooled(List.of(REGULAR, REGULAR));
        assertThat(pooled.estimate("alpha")).isCloseTo(0.704, within(1e-3));
        assertThat(pooled.estimate("beta")).isCloseTo(1.182, within(1e-3));
        assertThat(pooled.logLikelihood()).isCloseTo(2 * -1680.27, within(0.02));
        assertThat(pooled.observations()).isEqualTo(2000.0);
    }

    @Test
    void aCohortWithNoSurvivorsJoinsThePoolButCannotBeFittedAlone() {
        SurvivorCurve lost = SurvivorCurve.of(3, 0);
        assertThatThrownBy(() -> new ShiftedBetaGeometricFitter().fit(lost))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("no survivors");
        FitResult<ShiftedBetaGeometricModel> pooled = new ShiftedBetaGeometricFitter().fitPooled(List.of(REGULAR, lost));
        // Three more losses in year 1 move the estimates a little, not to the boundary.
        assertThat(pooled.estimate("alpha")).isBetween(0.70, 0.72);
        assertThat(pooled.estimate("beta")).isBetween(1.15, 1.19);
    }

    @Test
    void aPoolWithoutChurnIsRejected() {
        assertThatThrownBy(() -> new ShiftedBetaGeometricFitter().fitPooled(List.of(SurvivorCurve.of(5, 5, 5))))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("no churn in any of 1 cohorts");
    }

    @Test
    void truncatedResidualLifetimeTendsToTheClosedForm() {
        // FH 2007 "regular" estimates; DERL closed form (Fader & Hardie 2010, eq. 6) vs the truncated series.
        ShiftedBetaGeometricModel m = new ShiftedBetaGeometricModel(0.704, 1.182);
        for (int renewals : new int[] {0, 1, 4}) {
            assertThat(m.discountedExpectedResidualLifetime(0.10, renewals, 2000))
                    .isCloseTo(m.discountedExpectedResidualLifetime(0.10, renewals), within(1e-9));
        }
        // One period: the probability of renewing once, r_{n} = (beta + n - 1) / (alpha + beta + n - 1), n = 1.
        assertThat(m.discountedExpectedResidualLifetime(0.10, 0, 1)).isCloseTo(1.182 / (0.704 + 1.182), within(1e-12));
        // Two periods, d = 0: r_1 + r_1 r_2.
        double r1 = 1.182 / 1.886;
        double r2 = 2.182 / 2.886;
        assertThat(m.discountedExpectedResidualLifetime(0.0, 0, 2)).isCloseTo(r1 + r1 * r2, within(1e-12));
    }
}
