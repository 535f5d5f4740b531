package io.crmlake.etl.model.bgnbd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.simulate.BgNbdSimulation;

class DropoutPriorTest {

    /** Fader, Hardie &amp; Lee (2005) CDNOW estimates (weeks). */
    static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

    @Test
    void withEnoughDataThePriorDoesNotMoveTheEstimates() {
        RfmSummary data = BgNbdSimulation.simulate(CDNOW, 20_000, 30, 80, true, 99L);
        FitResult<BgNbdModel> mle = new BgNbdFitter().fit(data);
        FitResult<BgNbdModel> map = new BgNbdFitter().fitWithDropoutPrior(data);
        for (String p : new String[] {"r", "alpha", "a", "b"}) {
            assertThat(Math.abs(map.estimate(p) - mle.estimate(p))).as(p).isLessThan(0.2 * mle.standardError(p));
        }
        // The reported log-likelihood is the data's, so it cannot exceed the maximum.
        assertThat(map.logLikelihood()).isLessThanOrEqualTo(mle.logLikelihood() + 1e-9);
    }

    @Test
    void homogeneousDropoutStaysFinite() {
        // Every customer drops out with (almost) the same probability 0.25: a, b -> infinity at the MLE.
        RfmSummary data = BgNbdSimulation.simulate(new BgNbdModel(0.3, 6.0, 2500, 7500), 400, 10, 52, true, 5L);
        FitResult<BgNbdModel> map = new BgNbdFitter().fitWithDropoutPrior(data);
        BgNbdModel m = map.model();
        assertThat(m.a()).isFinite().isLessThan(1e4);
        assertThat(m.b()).isFinite().isLessThan(1e4);
        assertThat(m.a() / (m.a() + m.b())).isBetween(0.05, 0.6);
        for (double se : map.standardErrors()) {
            assertThat(se).isFinite().isPositive();
        }
    }
}
