package io.crmlake.etl.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.warehouse.rules.Kpi;
import io.crmlake.warehouse.rules.KpiScope;
import io.crmlake.warehouse.rules.KpiTarget;
import io.crmlake.warehouse.rules.KpiTargets;
import io.crmlake.warehouse.rules.Operator;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Targets from conf/rules/kpi-targets.yml (a telecom operator's retention rules). */
class KpiEvaluationTest {

    private static final LocalDate JUNE = LocalDate.of(2025, 6, 30);
    private final KpiTargets targets = DefaultRules.get().kpiTargets();

    private KpiTarget target(Kpi kpi) {
        return targets.inForce(kpi, JUNE).get(0);
    }

    @Test
    void warningCompletionOf35PercentExactlyPasses() {
        // Source: early-warning task completion for ARPU > 80 users >= 35 %.
        KpiEvaluation.Result pass = KpiEvaluation.evaluate(target(Kpi.WARNING_COMPLETION), Ratio.of(140, 400));
        assertThat(pass.met()).isTrue();
        assertThat(pass.actual()).isEqualByComparingTo("35.00");
        assertThat(KpiEvaluation.evaluate(target(Kpi.WARNING_COMPLETION), Ratio.of(139, 400)).met()).isFalse();
    }

    @Test
    void churnOf750In10000IsExactly7Point5AndPasses() {
        // Source: churn rate of all users <= 7.5 %.
        KpiEvaluation.Result pass = KpiEvaluation.evaluate(target(Kpi.CHURN_RATE), Ratio.of(750, 10_000));
        assertThat(pass.met()).isTrue();
        assertThat(pass.actual()).isEqualByComparingTo("7.50");
        assertThat(KpiEvaluation.evaluate(target(Kpi.CHURN_RATE), Ratio.of(751, 10_000)).met()).isFalse();
    }

    @Test
    void comparisonIsExactNotThroughARoundedPercent() {
        // 1 / 3 = 33.333…%: rounds to 33.33 for display, but > 33.33 is true and == 33.33 false.
        KpiTarget above = target(Operator.ABOVE, "33.33");
        KpiTarget equal = target(Operator.EQUAL, "33.33");
        assertThat(KpiEvaluation.evaluate(above, Ratio.of(1, 3)).met()).isTrue();
        assertThat(KpiEvaluation.evaluate(equal, Ratio.of(1, 3)).met()).isFalse();
        assertThat(KpiEvaluation.evaluate(target(Operator.EQUAL, "25"), Ratio.of(1, 4)).met()).isTrue();
        assertThat(KpiEvaluation.evaluate(target(Operator.BELOW, "25"), Ratio.of(1, 4)).met()).isFalse();
    }

    @Test
    void dynamicRetentionOfTheSnapshotCohort() {
        // Snapshot 1,000 users with ARPU > 80; at the end 950 still above 80, 30 active at or
        // below 80, 20 churned; 60 newcomers above 80 → static 95 %, active 98 %, dynamic 101 %.
        SnapshotRetention cohort = new SnapshotRetention(1_000, 950, 30, 20, 60);
        assertThat(cohort.staticRetention().percent(2)).isEqualByComparingTo("95.00");
        assertThat(cohort.activeRetention().percent(2)).isEqualByComparingTo("98.00");
        assertThat(cohort.dynamicRetention().percent(2)).isEqualByComparingTo("101.00");
        KpiTarget dynamic = target(Kpi.RETENTION);
        assertThat(dynamic.variant()).isEqualTo(KpiTarget.RetentionVariant.DYNAMIC);
        assertThat(KpiEvaluation.evaluate(dynamic, cohort.dynamicRetention()).met()).isTrue();
        assertThat(KpiEvaluation.evaluate(dynamic, new SnapshotRetention(1_000, 950, 30, 20, 49).dynamicRetention()).met()).isFalse();
    }

    @Test
    void cohortCountsMustAddUp() {
        assertThatThrownBy(() -> new SnapshotRetention(1_000, 950, 30, 19, 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected the snapshot 1000");
    }

    private static KpiTarget target(Operator operator, String threshold) {
        return new KpiTarget("t", Kpi.CHURN_RATE, null, KpiScope.allCustomers(), null, operator,
                new BigDecimal(threshold), Kpi.Unit.PERCENT, KpiTarget.Period.MONTHLY, LocalDate.of(2025, 1, 1), null);
    }
}
