package io.crmlake.etl.marts.kpi;

import static io.crmlake.etl.marts.kpi.CustomerPanel.count;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The sums behind each KPI, as aggregate columns over a {@link CustomerPanel} period (one
 * groupBy for all KPIs of a period). Scopes are judged on the base month (b_ values), the
 * customer's state at month M on the plain columns.
 */
final class KpiCounts {

    private KpiCounts() {}

    /**
     * Aggregates named m{i}_{part} for measure i over the panel rows of its period; retention
     * has five parts, the others num and den.
     */
    static List<Column> aggregates(int i, KpiMeasure m, ScopeColumns scopes) {
        Column ofPeriod = col("period").equalTo(m.periodLabel());
        Column inScope = scopes.admits(m.scope(), "b_").and(ofPeriod);
        Column onBook = col("on_book");
        String p = "m" + i + "_";
        List<Column> out = new ArrayList<>();
        switch (m.kpi()) {
            case CHURN_RATE -> {
                Column base = col("b_on_book").and(inScope);
                out.add(count(base.and(not(onBook))).as(p + "num"));
                out.add(count(base).as(p + "den"));
            }
            case RETENTION -> {
                Column snapshot = col("b_on_book").and(inScope);
                Column qualifiesNow = onBook.and(scopes.admits(m.scope(), "")).and(ofPeriod);
                out.add(count(snapshot).as(p + "snapshot"));
                out.add(count(snapshot.and(qualifiesNow)).as(p + "still"));
                out.add(count(snapshot.and(onBook).and(not(qualifiesNow))).as(p + "active_not"));
                out.add(count(snapshot.and(not(onBook))).as(p + "churned"));
                out.add(count(not(snapshot).and(qualifiesNow)).as(p + "new"));
            }
            case REPEAT_PURCHASE_RATE -> {
                out.add(count(inScope.and(col("ptd_orders").geq(2))).as(p + "num"));
                out.add(count(inScope.and(col("ptd_orders").geq(1))).as(p + "den"));
            }
            case ARPU -> {
                out.add(sum(when(inScope, col("ptd_revenue")).otherwise(lit(0))).cast("decimal(18,2)").as(p + "num"));
                out.add(sum(when(inScope, col("ptd_subscriber_months")).otherwise(lit(0))).cast("long").as(p + "den"));
            }
            case ACTIVE_CUSTOMERS -> out.add(count(inScope.and(onBook)).as(p + "num"));
            case GROSS_ADDS -> out.add(sum(when(inScope, col("ptd_added")).otherwise(lit(0))).cast("long").as(p + "num"));
            case GROSS_LOSSES -> out.add(sum(when(inScope, col("ptd_lost")).otherwise(lit(0))).cast("long").as(p + "num"));
            case WARNING_COMPLETION -> throw new IllegalArgumentException("warning completion is counted from mart_warning");
        }
        return out;
    }

    /** Completed and decided (completed or expired) warnings of the measure's types and scope. */
    static List<Column> warningAggregates(int i, KpiMeasure m, ScopeColumns scopes) {
        Column counted = scopes.admits(m.scope(), "b_").and(col("period").equalTo(m.periodLabel()))
                .and(col("status").isin("completed", "expired"));
        if (!m.triggers().isEmpty()) {
            counted = counted.and(col("warning_type").isin(m.triggers().toArray()));
        }
        String p = "m" + i + "_";
        return List.of(count(counted.and(col("status").equalTo("completed"))).as(p + "num"), count(counted).as(p + "den"));
    }
}
