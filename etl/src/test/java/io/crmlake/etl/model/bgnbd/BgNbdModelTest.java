package io.crmlake.etl.model.bgnbd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.fit.GradientCheck;

class BgNbdModelTest {

    /** CDNOW estimates, Fader, Hardie &amp; Lee (2005), section 5 (time unit: weeks). */
    static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

    /**
     * Fader, Hardie &amp; Lee (2005), section 5: a customer with x = 2, t_x = 30.43, T = 38.86 weeks
     * is expected to make 1.226 purchases in the next 39 weeks.
     */
    @Test
    void conditionalExpectationMatchesPaper() {
        assertThat(CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    /** Hardie's worked example at the CDNOW parameters: P(X(39) = 0) = 0.5737864. */
    @Test
    void probabilityOfNoPurchaseMatchesHardie() {
        assertThat(CDNOW.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(5e-8));
    }

    /** Hardie's worked example at the CDNOW parameters: P(X(2) = 10) = 1.07869e-07. */
    @Test
    void probabilityOfTenPurchasesMatchesHardie() {
        assertThat(CDNOW.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(5e-12));
    }

    /** Eq. (8) is a distribution over n, and its mean is eq. (9). */
    @Test
    void purchaseDistributionSumsToOneWithMeanOfEquationNine() {
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 3000; n++) {
            double p = CDNOW.probabilityOfPurchases(n, 39);
            total += p;
            mean += n * p;
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
        assertThat(mean).isCloseTo(CDNOW.expectedPurchases(39), within(1e-7));
    }

    /**
     * The incomplete-beta tail in eq. (8) equals the paper's 1 - (alpha/(alpha+t))^r sum_j ... where
     * the finite sum is still accurate.
     */
    @Test
    void equationEightTailMatchesPartialSum() {
        int n = 3;
        double t = 20;
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0))
                    * Math.pow(t / (alpha + t), j);
        }
        double bracket = 1 - Math.pow(alpha / (alpha + t), r) * sum;
        double lnBab = Beta.logBeta(CDNOW.a(), CDNOW.b());
        double expected = Math.exp(Beta.logBeta(CDNOW.a(), CDNOW.b() + n) - lnBab
                + Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0))
                * Math.pow(alpha / (alpha + t), r) * Math.pow(t / (alpha + t), n)
                + Math.exp(Beta.logBeta(CDNOW.a() + 1, CDNOW.b() + n - 1) - lnBab) * bracket;
        assertThat(CDNOW.probabilityOfPurchases(n, t)).isCloseTo(expected, within(1e-13));
    }

    /** Eq. (10) at T = t_x = 0... reduces to eq. (9) for a brand-new customer (x = 0, T -&gt; 0). */
    @Test
    void conditionalExpectationOfNewCustomerIsUnconditional() {
        assertThat(CDNOW.conditionalExpectedPurchases(52, 0, 0, 1e-12))
                .isCloseTo(CDNOW.expectedPurchases(52), within(1e-9));
    }

    /** Log-sum-exp form agrees with the direct form of eq. (6) where the latter does not overflow. */
    @Test
    void logLikelihoodMatchesNaiveFormula() {
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        int x = 2;
        double tx = 30.43;
        double t = 38.86;
        double common = Gamma.gamma(r + x) * Math.pow(alpha, r) / Gamma.gamma(r);
        double bab = Math.exp(Beta.logBeta(a, b));
        double naive = common * (Math.exp(Beta.logBeta(a, b + x)) / bab * Math.pow(alpha + t, -(r + x))
                + Math.exp(Beta.logBeta(a + 1, b + x - 1)) / bab * Math.pow(alpha + tx, -(r + x)));
        assertThat(CDNOW.logLikelihood(x, tx, t)).isCloseTo(Math.log(naive), within(1e-12));
        double naiveZero = Math.pow(alpha, r) * Math.exp(Beta.logBeta(a, b)) / bab * Math.pow(alpha + t, -r);
        assertThat(CDNOW.logLikelihood(0, 0, t)).isCloseTo(Math.log(naiveZero), within(1e-12));
    }

    /** Where Gamma(r+x) and (alpha+T)^(r+x) overflow, the log form stays finite. */
    @Test
    void logLikelihoodIsStableForHeavyBuyers() {
        double ll = CDNOW.logLikelihood(400, 700, 720);
        assertThat(ll).isFinite().isNegative();
        assertThat(CDNOW.probabilityAlive(400, 700, 720)).isBetween(0.0, 1.0);
        assertThat(CDNOW.conditionalExpectedPurchases(10, 400, 700, 720)).isFinite().isPositive();
    }

    @Test
    void probabilityAlive() {
        // x = 0: never seen to drop out.
        assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isEqualTo(1.0);
        // By hand: 1 / (1 + 0.793/3.426 * (43.274/34.844)^2.243) = 1 / (1 + 0.23147 * 1.62571) = 0.72658
        assertThat(CDNOW.probabilityAlive(2, 30.43, 38.86)).isCloseTo(0.72658, within(2e-5));
        // Buying recently makes alive more likely.
        assertThat(CDNOW.probabilityAlive(2, 38, 38.86)).isGreaterThan(CDNOW.probabilityAlive(2, 5, 38.86));
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        RfmSummary data = RfmSummary.builder()
                .add(0, 0, 38.86, 10).add(2, 30.43, 38.86, 3).add(1, 2.5, 70).add(15, 60, 61, 2)
                .add(5, 12, 40).build();
        BgNbdLogLikelihood ll = new BgNbdLogLikelihood(data);
        GradientCheck.assertGradientMatches(ll, new double[] {0.243, 4.414, 0.793, 2.426}, 1e-6);
        GradientCheck.assertGradientMatches(ll, new double[] {2.0, 0.5, 3.0, 0.4}, 1e-6);
    }

    /**
     * The tabulated, chunked likelihood (many chunks, distinct times and x) equals the plain sum of
     * the individual log-likelihoods, eq. (6), and its gradient still matches finite differences.
     */
    @Test
    void tabulatedLikelihoodEqualsTheSumOverCustomers() {
        RfmSummary data = io.crmlake.etl.model.simulate.BgNbdSimulation.simulate(CDNOW, 60_000, 30, 80, true, 8L);
        assertThat(data.size()).as("spans several chunks").isGreaterThan(3 * io.crmlake.etl.model.fit.ChunkedSum.CHUNK_ROWS);
        BgNbdLogLikelihood ll = new BgNbdLogLikelihood(data);
        double[] p = {0.3, 5.0, 0.7, 2.0};
        BgNbdModel m = new BgNbdModel(p[0], p[1], p[2], p[3]);
        double expected = 0;
        for (int i = 0; i < data.size(); i++) {
            expected += data.count(i) * m.logLikelihood(data.frequency(i), data.recency(i), data.age(i));
        }
        assertThat(ll.evaluate(p, null)).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        assertThat(ll.evaluate(p, new double[4])).isEqualTo(ll.evaluate(p, null));
        // Central differences of a sum of 60,000 terms carry a relative noise of about 1e-5 (d/da is a
        // cancellation of large terms); the small-data check above holds the formulas to 1e-6.
        GradientCheck.assertGradientMatches(ll, p, 5e-5);
    }

    @Test
    void compressionMergesIdenticalCustomers() {
        RfmSummary s = RfmSummary.of(new int[] {0, 2, 0, 2}, new double[] {0, 3, 0, 3}, new double[] {5, 6, 5, 6});
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.customers()).isEqualTo(4.0);
        BgNbdLogLikelihood ll = new BgNbdLogLikelihood(s);
        double[] p = {0.243, 4.414, 0.793, 2.426};
        assertThat(ll.evaluate(p, null)).isCloseTo(
                2 * CDNOW.logLikelihood(0, 0, 5) + 2 * CDNOW.logLikelihood(2, 3, 6), within(1e-12));
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> new BgNbdModel(-1, 1, 1, 1)).hasMessageContaining("r must be");
        assertThatThrownBy(() -> RfmSummary.builder().add(1, 5, 4)).hasMessageContaining("t_x");
        assertThatThrownBy(() -> RfmSummary.builder().add(0, 1, 4)).hasMessageContaining("x = 0");
        assertThatThrownBy(() -> CDNOW.probabilityAlive(-1, 0, 1)).hasMessageContaining("x must");
    }
}
