package io.crmlake.etl.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.warehouse.rules.BandScheme;
import org.junit.jupiter.api.Test;

class BandClassifierTest {

    private final BandScheme arpu = DefaultRules.get().segments().scheme("arpu_band", BandScheme.class);

    @Test
    void arpuOfExactly80IsMidAsTheDefaultRulesSay() {
        // conf/rules/segments.yml: low < 80 (exclusive), mid 80..200 (both inclusive), high > 200.
        assertThat(BandClassifier.classify(arpu, new double[] {79.99, 80.00, 80.01, 200.00, 200.01, 0, -5}))
                .containsExactly("low", "mid", "mid", "mid", "high", "low", "low");
    }

    @Test
    void nanHasNoBand() {
        assertThat(BandClassifier.classify(arpu, Double.NaN)).isEmpty();
    }
}
