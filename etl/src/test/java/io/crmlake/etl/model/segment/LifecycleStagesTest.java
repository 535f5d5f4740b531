package io.crmlake.etl.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.warehouse.rules.LifecycleRules;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Against conf/rules/lifecycle.yml (k = 3; churned > 3 cycles or > 365 days; exploration < 3 months; …). */
class LifecycleStagesTest {

    private final LifecycleRules rules = DefaultRules.get().lifecycle();

    private static double[] months(int count, double value) {
        double[] m = new double[count];
        Arrays.fill(m, value);
        return m;
    }

    private static double[] flatThen(double before, double last) {
        double[] m = months(12, before);
        m[9] = last;
        m[10] = last;
        m[11] = last;
        return m;
    }

    @Test
    void newCustomerWithoutACycleIsExploring() {
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(new double[] {100, 120}, 1, 10, Double.NaN)))
                .isEqualTo("exploration");
    }

    @Test
    void tenureOfExactlyThreeMonthsHasLeftExploration() {
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(4, 100), 3, 10, 30))).isEqualTo("formation");
    }

    @Test
    void longTenureWithSteadyRevenueIsStable() {
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(24, 100), 24, 20, 30))).isEqualTo("stability");
    }

    @Test
    void trendRatioOfExactly08IsStillStableAndBelowIsDecline() {
        // 240 / 300 = 0.8: decline needs < 0.8, stability takes >= 0.8.
        assertThat(LifecycleStages.measures(new CustomerHistory(flatThen(100, 80), 24, 20, 30), 3).get("trend_ratio"))
                .isEqualTo(0.8);
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(flatThen(100, 80), 24, 20, 30))).isEqualTo("stability");
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(flatThen(100, 79), 24, 20, 30))).isEqualTo("decline");
    }

    @Test
    void recencyAgainstTheCustomersOwnCycle() {
        // 90 / 30 = exactly 3 cycles: not yet churned (> 3), but overdue (> 1.5): decline.
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(24, 100), 24, 90, 30))).isEqualTo("decline");
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(24, 100), 24, 91, 30))).isEqualTo("churned");
        // The same 91 days is well inside a 60-day-cycle customer's rhythm (1.52 cycles → decline, not churned).
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(24, 100), 24, 91, 60))).isEqualTo("decline");
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(24, 100), 24, 45, 30))).isEqualTo("stability");
    }

    @Test
    void withoutACycleAYearOfSilenceIsChurn() {
        assertThat(LifecycleStages.stage(rules, new CustomerHistory(months(24, 0), 24, 366, Double.NaN))).isEqualTo("churned");
    }

    @Test
    void slopeIsRelativeChangePerMonth() {
        // last 3 months 90, 100, 110: slope 10 per month over a mean of 100 = 0.1.
        double[] m = {50, 50, 50, 90, 100, 110};
        assertThat(LifecycleStages.measures(new CustomerHistory(m, 6, 5, 30), 3).get("trend_slope")).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }
}
