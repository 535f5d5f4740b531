package io.crmlake.etl.model.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarkovProjectionTest {

    private static final double[][] P = {
        {0.80, 0.15, 0.05},
        {0.10, 0.70, 0.20},
        {0.00, 0.10, 0.90}};

    @Test
    void twoPeriodsMatchTheHandComputation() {
        // By hand, mix · P then · P again:
        // k=1: 0.5·0.8 + 0.3·0.1 + 0.2·0   = 0.43
        //      0.5·0.15 + 0.3·0.7 + 0.2·0.1 = 0.305
        //      0.5·0.05 + 0.3·0.2 + 0.2·0.9 = 0.265
        // k=2: 0.43·0.8 + 0.305·0.1 + 0.265·0     = 0.3745
        //      0.43·0.15 + 0.305·0.7 + 0.265·0.1  = 0.3045
        //      0.43·0.05 + 0.305·0.2 + 0.265·0.9  = 0.321
        double[] mix = MarkovProjection.project(P, new double[] {0.5, 0.3, 0.2}, 2);
        assertThat(mix).containsExactly(new double[] {0.3745, 0.3045, 0.321}, within(1e-12));
    }

    @Test
    void zeroPeriodsIsTheMixItself() {
        assertThat(MarkovProjection.project(P, new double[] {100, 50, 25}, 0)).containsExactly(100, 50, 25);
    }

    @Test
    void rejectsARowThatDoesNotSumToOne() {
        double[][] bad = {{0.8, 0.1}, {0.5, 0.5}};
        assertThatThrownBy(() -> MarkovProjection.project(bad, new double[] {1, 0}, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 sums to");
    }

    @Test
    void rejectsNegativeProbabilities() {
        double[][] bad = {{1.1, -0.1}, {0.5, 0.5}};
        assertThatThrownBy(() -> MarkovProjection.validated(bad)).hasMessageContaining("P[0][0] is 1.1");
    }
}
