package io.crmlake.etl.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.warehouse.rules.RfmScheme;
import org.junit.jupiter.api.Test;

class RfmScoringTest {

    @Test
    void tenDistinctValuesFillEachQuintileWithTwo() {
        // score = 1 + floor(5 × customers strictly worse / n), worked by hand for n = 10.
        assertThat(RfmScoring.scoreHigherIsBetter(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void tiesShareTheLowestScoreOfTheirGroupWhateverTheOrder() {
        // 5,5,5 have two customers strictly worse: 1 + floor(5 × 2 / 5) = 3; the 1s have none.
        assertThat(RfmScoring.scoreHigherIsBetter(new double[] {5, 1, 5, 1, 5}, 5)).containsExactly(3, 1, 3, 1, 3);
        assertThat(RfmScoring.scoreHigherIsBetter(new double[] {7, 7, 7}, 5)).containsExactly(1, 1, 1);
    }

    @Test
    void recencyScoresFewerDaysHigher() {
        assertThat(RfmScoring.scoreLowerIsBetter(new double[] {10, 20, 30, 40, 50}, 5)).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void firstMatchingSegmentWinsElseDefault() {
        RfmScheme rfm = DefaultRules.get().segments().scheme("rfm", RfmScheme.class);
        assertThat(rfm.segmentOf(5, 5, 5)).isEqualTo("champions");
        assertThat(rfm.segmentOf(5, 4, 1)).isEqualTo("loyal"); // champions fails on monetary
        assertThat(rfm.segmentOf(1, 1, 1)).isEqualTo("lost");
        assertThat(rfm.segmentOf(3, 3, 3)).isEqualTo("needs_attention");
    }

    @Test
    void segmentsScoreAllThreeDimensions() {
        RfmScheme rfm = DefaultRules.get().segments().scheme("rfm", RfmScheme.class);
        double[] recency = {5, 300, 10, 200, 50};
        double[] frequency = {20, 1, 15, 10, 2};
        double[] monetary = {900, 10, 800, 50, 40};
        // R scores 5,1,4,2,3; F 5,1,4,3,2; M 5,1,4,3,2 (hand ranks)
        assertThat(RfmScoring.segments(rfm, recency, frequency, monetary))
                .containsExactly("champions", "lost", "champions", "at_risk", "hibernating");
    }
}
