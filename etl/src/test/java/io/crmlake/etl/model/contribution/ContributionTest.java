package io.crmlake.etl.model.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContributionTest {

    private static final double[] TEXTBOOK = {400, 400, 50, 50, 50, 10, 10, 10, 10, 10};

    @Test
    void bankersTwentyThreeHundred() {
        // The bankers' 20/300: the top 20 % of customers earn 300 % of the profit, the rest
        // lose 200 %. 10 customers: 200 + 100 = 300; eight at −25 = −200; total 100.
        double[] profit = {-25, 200, -25, -25, 100, -25, -25, -25, -25, -25};
        assertThat(Contribution.topShare(profit, 0.20)).isCloseTo(3.00, within(1e-12));
        assertThat(Contribution.paretoCurve(profit).measureShare()[19]).isCloseTo(3.00, within(1e-12));
    }

    @Test
    void topSharesInterpolateBetweenWholeCustomers() {
        assertThat(Contribution.topShare(TEXTBOOK, 0.20)).isCloseTo(0.80, within(1e-12));
        assertThat(Contribution.topShare(TEXTBOOK, 0.10)).isCloseTo(0.40, within(1e-12));
        // 1 % of 10 customers is a tenth of the first: 40 / 1000.
        assertThat(Contribution.topShare(TEXTBOOK, 0.01)).isCloseTo(0.04, within(1e-12));
        assertThat(Contribution.topShare(TEXTBOOK, 0.05)).isCloseTo(0.20, within(1e-12));
    }

    @Test
    void paretoCurveHasOneHundredPointsEndingAtTheWhole() {
        Contribution.ParetoCurve curve = Contribution.paretoCurve(TEXTBOOK);
        assertThat(curve.customerShare()).hasSize(100);
        assertThat(curve.customerShare()[0]).isEqualTo(0.01);
        assertThat(curve.customerShare()[99]).isEqualTo(1.0);
        assertThat(curve.measureShare()[49]).isCloseTo(0.95, within(1e-12));
        assertThat(curve.measureShare()[99]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void wholeCustomersNeededForEightyPercent() {
        // 400 + 400 = exactly 80 % of 1000: reaching the share counts, 2 customers.
        assertThat(Contribution.customersNeededFor(TEXTBOOK, 0.80)).isEqualTo(2);
        assertThat(Contribution.customersNeededFor(new double[] {500, 200, 100, 60, 50, 40, 20, 15, 10, 5}, 0.80)).isEqualTo(3);
        assertThat(Contribution.customersNeededFor(TEXTBOOK, 0.81)).isEqualTo(3);
    }

    @Test
    void giniKnownAnswers() {
        // G = Σ (2i − n − 1) x_(i) / (n Σ x), Damgaard & Weiner (2000).
        assertThat(Contribution.gini(new double[] {5, 5, 5, 5})).isEqualTo(0.0);
        // One holder among n = 5: (n − 1) / n = 0.8.
        assertThat(Contribution.gini(new double[] {0, 0, 100, 0, 0})).isCloseTo(0.8, within(1e-12));
        // 1..5: mean absolute difference 40 / 25 over 2μ = 6 gives 0.2667 = 20 / 75 (hand sum).
        assertThat(Contribution.gini(new double[] {3, 1, 4, 2, 5})).isCloseTo(20.0 / 75, within(1e-12));
    }

    @Test
    void giniKeepsNegativeValuesAndMayExceedOne() {
        // −5, 0, 0, 0, 6 (total 1): Σ|xi − xj| = 88, / (2 · 25 · 0.2) = 8.8 (hand); not clipped.
        assertThat(Contribution.gini(new double[] {6, 0, -5, 0, 0})).isCloseTo(8.8, within(1e-12));
        assertThat(Contribution.gini(new double[] {5, -5})).isNaN();
    }
}
