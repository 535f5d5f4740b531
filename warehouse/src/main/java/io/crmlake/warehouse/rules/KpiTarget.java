package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One target: the KPI over a scope must satisfy {@code operator threshold} in each period
 * from {@code effective_from} to {@code effective_to}, both dates inclusive (no end = open).
 */
public record KpiTarget(String id, Kpi kpi, RetentionVariant variant, KpiScope scope, List<String> triggers,
                        Operator operator, BigDecimal threshold, Kpi.Unit unit, Period period,
                        LocalDate effectiveFrom, LocalDate effectiveTo) {

    public enum Period {
        @JsonProperty("monthly") MONTHLY,
        @JsonProperty("quarterly") QUARTERLY,
        @JsonProperty("yearly") YEARLY
    }

    /**
     * The three readings of 保有率 for a snapshot cohort: static (still in the qualifying band),
     * active (still a customer, any band), dynamic (still in the band, plus newcomers to it).
     */
    public enum RetentionVariant {
        @JsonProperty("static") STATIC,
        @JsonProperty("active") ACTIVE,
        @JsonProperty("dynamic") DYNAMIC
    }

    @JsonCreator
    public KpiTarget(@JsonProperty("id") String id,
                     @JsonProperty("kpi") Kpi kpi,
                     @JsonProperty("variant") RetentionVariant variant,
                     @JsonProperty("scope") KpiScope scope,
                     @JsonProperty("triggers") List<String> triggers,
                     @JsonProperty("operator") Operator operator,
                     @JsonProperty("threshold") BigDecimal threshold,
                     @JsonProperty("unit") Kpi.Unit unit,
                     @JsonProperty("period") Period period,
                     @JsonProperty("effective_from") String effectiveFrom,
                     @JsonProperty("effective_to") String effectiveTo) {
        this(Ids.id(id, "id"), kpi, variant, scope, triggers, operator, threshold, unit, period,
                RulesHeader.date(effectiveFrom, "effective_from", true), RulesHeader.date(effectiveTo, "effective_to", false));
    }

    public KpiTarget {
        if (kpi == null) {
            throw new InvalidField("kpi", "is required: one of " + Kpi.ids());
        }
        if (kpi == Kpi.RETENTION && variant == null) {
            throw new InvalidField("variant", "is required for retention: static, active or dynamic");
        }
        if (kpi != Kpi.RETENTION && variant != null) {
            throw new InvalidField("variant", "only retention targets have a variant");
        }
        if (scope == null) {
            throw new InvalidField("scope", "is required: {all: true}, {scheme, bands} or {measure, lower/upper}");
        }
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        if (!triggers.isEmpty() && kpi != Kpi.WARNING_COMPLETION) {
            throw new InvalidField("triggers", "only warning_completion targets name warning triggers");
        }
        if (operator == null) {
            throw new InvalidField("operator", "is required: one of <=, <, >=, >, ==");
        }
        if (threshold == null) {
            throw new InvalidField("threshold", "is required: the target value in the KPI's unit");
        }
        if (unit != kpi.unit()) {
            throw new InvalidField("unit", "is " + (unit == null ? "missing" : "'" + unit.name().toLowerCase() + "'")
                    + "; " + kpi.id() + " is measured in " + kpi.unit().name().toLowerCase()
                    + (kpi.unit() == Kpi.Unit.PERCENT ? " (write 7.5 for 7.5 %, not 0.075)" : ""));
        }
        if (period == null) {
            throw new InvalidField("period", "is required: monthly, quarterly or yearly");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new InvalidField("effective_to", effectiveTo + " is before effective_from " + effectiveFrom);
        }
    }

    /** Whether the target applies on a date (both ends inclusive). */
    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Whether two targets' effective periods share at least one day. */
    public boolean overlaps(KpiTarget other) {
        LocalDate end = effectiveTo == null ? LocalDate.MAX : effectiveTo;
        LocalDate otherEnd = other.effectiveTo == null ? LocalDate.MAX : other.effectiveTo;
        return !effectiveFrom.isAfter(otherEnd) && !other.effectiveFrom.isAfter(end);
    }
}
