package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code kpi-targets.yml}: the targets a period's KPIs are judged against, and the definition of
 * the customer base they count: a customer is on the book at a month end while they hold an
 * open account or bought within the last {@code active_purchase_window_days} days. Churn, gross
 * adds and losses, active customers and snapshot retention all use this one definition.
 */
public record KpiTargets(int version, LocalDate effectiveFrom, int activePurchaseWindowDays, List<KpiTarget> targets) {

    @JsonCreator
    public KpiTargets(@JsonProperty("version") Integer version,
                      @JsonProperty("effective_from") String effectiveFrom,
                      @JsonProperty("active_purchase_window_days") Integer activePurchaseWindowDays,
                      @JsonProperty("targets") List<KpiTarget> targets) {
        this(RulesHeader.version(version), RulesHeader.date(effectiveFrom, "effective_from", true),
                Ids.positive(activePurchaseWindowDays, "active_purchase_window_days",
                        "days since the last purchase during which a customer without an open account still counts as active"),
                Ids.nonEmpty(targets, "targets", "target"));
    }

    public KpiTargets {
        targets = List.copyOf(targets);
        Ids.unique(targets, KpiTarget::id, "targets", "id");
        // Two targets for the same KPI, variant, scope and period must not apply on the same day.
        for (int i = 0; i < targets.size(); i++) {
            for (int j = 0; j < i; j++) {
                KpiTarget a = targets.get(j);
                KpiTarget b = targets.get(i);
                if (a.kpi() == b.kpi() && a.variant() == b.variant() && a.period() == b.period()
                        && Objects.equals(a.scope(), b.scope()) && a.overlaps(b)) {
                    throw new InvalidField("targets[" + i + "].effective_from", "target '" + b.id() + "' overlaps '" + a.id()
                            + "' (same kpi, scope and period); expected effective_to of one before effective_from of the other");
                }
            }
        }
    }

    /** Targets in force on a date for a KPI. */
    public List<KpiTarget> inForce(Kpi kpi, LocalDate date) {
        return targets.stream().filter(t -> t.kpi() == kpi && t.effectiveOn(date)).toList();
    }
}
