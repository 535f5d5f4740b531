package io.crmlake.etl.model.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.warehouse.rules.ParetoScheme;
import org.junit.jupiter.api.Test;

/** Against conf/rules/segments.yml: revenue_abc (A <= 0.80, B <= 0.95) and revenue_abc_by_count (0.20 / 0.50). */
class AbcClassifierTest {

    private final ParetoScheme byShare = DefaultRules.get().segments().scheme("revenue_abc", ParetoScheme.class);
    private final ParetoScheme byCount = DefaultRules.get().segments().scheme("revenue_abc_by_count", ParetoScheme.class);

    @Test
    void methodsThatAgree() {
        // The crmlake segmentation issue's classic ABC textbook example: 10 customers,
        // A = 2 customers with 80 %, B = 3 with 15 %, C = 5 with 5 %, by both methods.
        double[] sales = {400, 400, 50, 50, 50, 10, 10, 10, 10, 10};
        String[] expected = {"A", "A", "B", "B", "B", "C", "C", "C", "C", "C"};
        assertThat(AbcClassifier.classify(byShare, sales)).containsExactly(expected);
        assertThat(AbcClassifier.classify(byCount, sales)).containsExactly(expected);
    }

    @Test
    void methodsThatDisagree() {
        // Cumulative shares: .50 .70 .80 .86 .91 .95 .97 .985 .995 1.0 (hand sums over 1000).
        // By count A = customers 1–2 (70 % of sales); by share A = 1–3 (80 % exactly, inclusive).
        double[] sales = {500, 200, 100, 60, 50, 40, 20, 15, 10, 5};
        assertThat(AbcClassifier.classify(byCount, sales))
                .containsExactly("A", "A", "B", "B", "B", "C", "C", "C", "C", "C");
        assertThat(AbcClassifier.classify(byShare, sales))
                .containsExactly("A", "A", "A", "B", "B", "B", "C", "C", "C", "C");
    }

    @Test
    void inputOrderDoesNotMatterOnlyValues() {
        double[] sales = {10, 400, 50, 10, 400, 50, 10, 50, 10, 10};
        assertThat(AbcClassifier.classify(byShare, sales))
                .containsExactly("C", "A", "B", "C", "A", "B", "C", "B", "C", "C");
    }

    @Test
    void negativeMarginsPushTheRunningShareAboveOneHundredPercent() {
        // Sorted 90, 20, -10 over a total of 100: running shares 0.90 (B), 1.10 (C), 1.00 (C).
        // Sorted largest first, the share only falls once values turn negative, and it ends at
        // exactly 1.00, so it never drops back under a cut (cuts are at most 1).
        assertThat(AbcClassifier.classify(byShare, new double[] {-10, 90, 20})).containsExactly("C", "B", "C");
    }

    @Test
    void shareMethodNeedsAPositiveTotal() {
        assertThatThrownBy(() -> AbcClassifier.classify(byShare, new double[] {10, -20}))
                .hasMessageContaining("positive total");
    }
}
