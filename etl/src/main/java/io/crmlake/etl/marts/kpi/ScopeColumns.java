package io.crmlake.etl.marts.kpi;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crmlake.warehouse.rules.Band;
import io.crmlake.warehouse.rules.BandScheme;
import io.crmlake.warehouse.rules.Bound;
import io.crmlake.warehouse.rules.KpiScope;
import io.crmlake.warehouse.rules.SegmentRules;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * A KPI scope as a Spark predicate on a customer-month's measures, honouring each bound's
 * inclusive flag exactly as {@link Bound} does (decimal comparison; ARPU 80.00 is not "> 80").
 * A customer without a value (not yet a customer at the base month) is outside any measure scope.
 */
final class ScopeColumns {

    /** Scope measures and the fact_customer_month column they are read from. */
    static final Map<String, String> MEASURES = Map.of("arpu", "account_revenue");

    private final SegmentRules segments;

    ScopeColumns(SegmentRules segments) {
        this.segments = segments;
    }

    /** @param prefix "b_" for the base month's values, "" for month M's */
    Column admits(KpiScope scope, String prefix) {
        return switch (scope.form()) {
            case ALL -> lit(true);
            case MEASURE -> coalesce(within(measure(scope.measure(), prefix), scope.lower(), scope.upper()), lit(false));
            case BANDS -> {
                BandScheme scheme = segments.scheme(scope.scheme(), BandScheme.class);
                Column value = measure(scheme.measure(), prefix);
                Column any = lit(false);
                for (String id : scope.bands()) {
                    Band band = scheme.band(id).orElseThrow();
                    any = any.or(coalesce(within(value, band.lower(), band.upper()), lit(false)));
                }
                yield any;
            }
        };
    }

    static void check(KpiScope scope, SegmentRules segments) {
        String measure = switch (scope.form()) {
            case ALL -> null;
            case MEASURE -> scope.measure();
            case BANDS -> segments.scheme(scope.scheme(), BandScheme.class).measure();
        };
        if (measure != null && !MEASURES.containsKey(measure)) {
            throw new IllegalArgumentException("kpi-targets.yml: scope " + scope + " uses measure '" + measure
                    + "', which the KPI mart cannot read per customer and month; expected one of " + MEASURES.keySet());
        }
    }

    private static Column measure(String measure, String prefix) {
        return col(prefix + MEASURES.get(measure));
    }

    private static Column within(Column value, Bound lower, Bound upper) {
        Column in = lit(true);
        if (lower != null) {
            Column v = lit(lower.value());
            in = in.and(lower.inclusive() ? value.geq(v) : value.gt(v));
        }
        if (upper != null) {
            Column v = lit(upper.value());
            in = in.and(upper.inclusive() ? value.leq(v) : value.lt(v));
        }
        return in;
    }
}
