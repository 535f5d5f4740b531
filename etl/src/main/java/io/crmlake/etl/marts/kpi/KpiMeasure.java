package io.crmlake.etl.marts.kpi;

import io.crmlake.warehouse.rules.Kpi;
import io.crmlake.warehouse.rules.KpiScope;
import io.crmlake.warehouse.rules.KpiTarget;
import io.crmlake.warehouse.rules.KpiTarget.Period;
import io.crmlake.warehouse.rules.KpiTarget.RetentionVariant;
import io.crmlake.warehouse.rules.KpiTargets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One KPI to compute for every month and org unit: which KPI, which variant, over which
 * customers and which period. {@code triggers} (warning_completion only) lists the warning
 * types counted; empty = all.
 */
record KpiMeasure(Kpi kpi, RetentionVariant variant, KpiScope scope, Period period, List<String> triggers) {

    KpiMeasure {
        triggers = List.copyOf(triggers);
    }

    /** The mart's variant column: the retention reading, the warning types, or "total". */
    String variantLabel() {
        if (variant != null) {
            return variant.name().toLowerCase(Locale.ROOT);
        }
        if (kpi == Kpi.WARNING_COMPLETION) {
            return triggers.isEmpty() ? "all_triggers" : String.join("+", triggers);
        }
        return "total";
    }

    String periodLabel() {
        return period.name().toLowerCase(Locale.ROOT);
    }

    /** The target in force on {@code day} for exactly this KPI, variant, scope, period and triggers. */
    Optional<KpiTarget> target(KpiTargets targets, java.time.LocalDate day) {
        return targets.inForce(kpi, day).stream()
                .filter(t -> t.variant() == variant && t.scope().equals(scope) && t.period() == period
                        && t.triggers().equals(triggers))
                .findFirst();
    }

    /**
     * What `crmlake marts kpi` computes: every KPI over all customers monthly (so the monthly
     * pack has churn, both gross flows, active customers, ARPU, repeat rate and completion even
     * without targets), plus each target's own KPI, scope and period. A retention target brings
     * all three variants, so the reader sees the one it judges beside the other two.
     */
    static List<KpiMeasure> plan(KpiTargets targets) {
        Set<KpiMeasure> measures = new LinkedHashSet<>();
        for (Kpi kpi : Kpi.values()) {
            if (kpi != Kpi.RETENTION) {
                measures.add(new KpiMeasure(kpi, null, KpiScope.allCustomers(), Period.MONTHLY, List.of()));
            }
        }
        for (KpiTarget t : targets.targets()) {
            if (t.kpi() == Kpi.RETENTION) {
                for (RetentionVariant v : RetentionVariant.values()) {
                    measures.add(new KpiMeasure(t.kpi(), v, t.scope(), t.period(), List.of()));
                }
            } else {
                measures.add(new KpiMeasure(t.kpi(), null, t.scope(), t.period(), t.triggers()));
            }
        }
        return new ArrayList<>(measures);
    }
}
