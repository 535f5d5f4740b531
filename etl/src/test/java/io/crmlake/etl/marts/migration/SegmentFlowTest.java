package io.crmlake.etl.marts.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentFlowTest {

    SegmentStates states = new SegmentStates("churned");

    @Test
    void movesBetweenStatesAndRanks() {
        assertThat(SegmentFlow.of(states, "not_yet_customer", -1, "not_yet_customer", -1)).isNull();
        assertThat(SegmentFlow.of(states, "not_yet_customer", -1, "low", 1)).isEqualTo(SegmentFlow.NEW);
        assertThat(SegmentFlow.of(states, "low", 1, "mid", 2)).isEqualTo(SegmentFlow.UPGRADED);
        assertThat(SegmentFlow.of(states, "mid", 2, "mid", 2)).isEqualTo(SegmentFlow.STABLE);
        assertThat(SegmentFlow.of(states, "high", 3, "mid", 2)).isEqualTo(SegmentFlow.DOWNGRADED);
        assertThat(SegmentFlow.of(states, "low", 1, "churned", 0)).isEqualTo(SegmentFlow.CHURNED);
        assertThat(SegmentFlow.of(states, "churned", 0, "churned", 0)).isNull();
        assertThat(SegmentFlow.of(states, "churned", 0, "low", 1)).isEqualTo(SegmentFlow.WON_BACK);
        assertThat(SegmentFlow.WON_BACK.id()).isEqualTo("won_back");
    }
}
