package io.crmlake.etl.model.kpi;

import io.crmlake.warehouse.rules.Kpi;
import io.crmlake.warehouse.rules.KpiTarget;
import java.math.BigDecimal;

/** Actual against target, exactly: decimals and ratios, never doubles. */
public final class KpiEvaluation {

    /** Decimals shown for a percent actual; the comparison itself is not rounded. */
    public static final int DISPLAY_SCALE = 2;

    private KpiEvaluation() {}

    /**
     * @param actual the actual value in the KPI's unit (percent for rates), rounded for display only
     * @param met whether actual (exact) satisfies {@code operator threshold}
     */
    public record Result(KpiTarget target, BigDecimal actual, boolean met) {}

    /** A rate KPI (churn, retention, completion, repeat rate) from its counts. */
    public static Result evaluate(KpiTarget target, Ratio actual) {
        if (target.kpi().unit() != Kpi.Unit.PERCENT) {
            throw new IllegalArgumentException(target.kpi().id() + " is not a rate; pass the amount");
        }
        boolean met = target.operator().holds(actual.comparePercent(target.threshold()));
        return new Result(target, actual.percent(DISPLAY_SCALE), met);
    }

    /** An amount KPI (ARPU), or a rate already expressed in percent. */
    public static Result evaluate(KpiTarget target, BigDecimal actual) {
        boolean met = target.operator().holds(actual.compareTo(target.threshold()));
        return new Result(target, actual, met);
    }
}
