package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The KPIs a target can be set for, with the unit their threshold is written in. */
public enum Kpi {
    /** 离网率: customers lost in the period / customers at its start. */
    @JsonProperty("churn_rate") CHURN_RATE(Unit.PERCENT),
    /** 保有率 of a snapshot cohort (拍照维系); the target names the variant. */
    @JsonProperty("retention") RETENTION(Unit.PERCENT),
    /** 预警任务完成率: warnings completed by a qualifying contact in time / warnings raised. */
    @JsonProperty("warning_completion") WARNING_COMPLETION(Unit.PERCENT),
    /** Customers with two or more purchases in the period / customers with at least one. */
    @JsonProperty("repeat_purchase_rate") REPEAT_PURCHASE_RATE(Unit.PERCENT),
    /** Average revenue per user in the period: account revenue / subscriber-months. */
    @JsonProperty("arpu") ARPU(Unit.AMOUNT),
    /** Customers on the book at the month end (see KpiTargets#activePurchaseWindowDays). */
    @JsonProperty("active_customers") ACTIVE_CUSTOMERS(Unit.COUNT),
    /** Customers who joined the book (new or won back) in the period: one of the two gross flows. */
    @JsonProperty("gross_adds") GROSS_ADDS(Unit.COUNT),
    /** Customers who left the book in the period: the other gross flow (net change hides both). */
    @JsonProperty("gross_losses") GROSS_LOSSES(Unit.COUNT);

    public enum Unit {
        @JsonProperty("percent") PERCENT,
        @JsonProperty("amount") AMOUNT,
        @JsonProperty("count") COUNT
    }

    /** The ids as written in kpi-targets.yml, for error messages. */
    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Kpi::id).toList());
    }

    private final Unit unit;

    Kpi(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
