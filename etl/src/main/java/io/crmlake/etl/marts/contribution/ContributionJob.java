package io.crmlake.etl.marts.contribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crmlake.etl.marts.AnalysisMonths;
import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.migration.SegmentHistory;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.rules.ParetoScheme;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * crmlake marts contribution: 20/80 analysis of revenue and margin by dimension over the window
 * of the rules' cumulative-share pareto scheme, as of a date. Writes mart_customer_abc,
 * mart_contribution_curve and mart_contribution_summary, each replacing its as-of slice.
 */
public final class ContributionJob {

    public record Summary(int fromMonth, int toMonth, long groups, long customerRows, long nonPositiveGroups) {}

    private final MartRun run;

    public ContributionJob(MartRun run) {
        this.run = run;
    }

    public Summary run() {
        LakeTables tables = run.tables();
        ParetoScheme byShare = pareto(ParetoScheme.Method.CUMULATIVE_SHARE);
        ParetoScheme byCount = pareto(ParetoScheme.Method.CUSTOMER_COUNT);
        if (!tables.exists("fact_transaction")) {
            throw new IllegalStateException("the lake has no fact_transaction yet; run `crmlake build` first");
        }
        int last = AnalysisMonths.lastCompleteMonth(run.asOf());
        int from = AnalysisMonths.plus(last, -(byShare.windowMonths() - 1));
        run.progress().accept("contribution: revenue and margin " + from + ".." + last + " (window of '" + byShare.id()
                + "'), ABC by '" + byShare.id() + "' and '" + byCount.id() + "'");

        List<String> segmentSchemes = segmentSchemes(tables, last);
        Dataset<Row> ranked = ContributionRanking.rank(
                ContributionRanking.byMeasure(ContributionMembers.build(tables, from, last, segmentSchemes)), byShare, byCount)
                .persist();
        String slice = "as_of_date = DATE'" + run.asOf() + "'";
        org.apache.spark.sql.Column asOf = lit(java.sql.Date.valueOf(run.asOf())).as("as_of_date");
        try {
            tables.replaceWhere("mart_customer_abc", ranked.select(col("*"), asOf), slice);
            Dataset<Row> curve = ContributionCurve.curve(ranked);
            tables.replaceWhere("mart_contribution_curve", curve.select(col("*"), asOf), slice);
            Dataset<Row> summary = ContributionCurve.summary(ranked, tables.read("mart_contribution_curve").where(slice))
                    .withColumn("window_from_month", lit(from))
                    .withColumn("window_to_month", lit(last));
            tables.replaceWhere("mart_contribution_summary", summary.select(col("*"), asOf), slice);
        } finally {
            ranked.unpersist();
        }
        // One pass over the written summary: each group's customers are its rows in mart_customer_abc.
        Row totals = tables.read("mart_contribution_summary").where(slice)
                .agg(org.apache.spark.sql.functions.count(lit(1)),
                        org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.when(col("total").leq(0), lit(1))),
                        org.apache.spark.sql.functions.coalesce(org.apache.spark.sql.functions.sum("customers"), lit(0L)))
                .first();
        long groups = totals.getLong(0);
        long nonPositive = totals.getLong(1);
        long customerRows = totals.getLong(2);
        if (nonPositive > 0) {
            run.progress().accept("contribution: " + nonPositive + " groups have a total <= 0 (e.g. loss-making margin): "
                    + "their shares, curve and class by share are left empty, since no share of a non-positive total exists");
        }
        run.progress().accept("contribution: " + groups + " groups, " + customerRows + " customer rows");
        return new Summary(from, last, groups, customerRows, nonPositive);
    }

    private ParetoScheme pareto(ParetoScheme.Method method) {
        return run.rules().segments().schemes().stream()
                .filter(ParetoScheme.class::isInstance).map(ParetoScheme.class::cast)
                .filter(p -> p.method() == method)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("segments.yml has no pareto scheme with method "
                        + method.name().toLowerCase(java.util.Locale.ROOT)
                        + "; the contribution mart needs one for the ABC classes (see docs/rules.md, kind: pareto)"));
    }

    /** Segment dimensions from mart_segment_month (all schemes but the pareto ones), when migration ran. */
    private List<String> segmentSchemes(LakeTables tables, int last) {
        List<String> schemes = new SegmentHistory(run.rules()).schemeIds().stream()
                .filter(id -> run.rules().segments().scheme(id).map(s -> !(s instanceof ParetoScheme)).orElse(true))
                .toList();
        boolean present = tables.exists("mart_segment_month")
                && !tables.read("mart_segment_month").where(col("month_key").equalTo(last)).limit(1).isEmpty();
        if (!present) {
            run.progress().accept("contribution: mart_segment_month has no month " + last
                    + "; segment dimensions skipped (run `crmlake marts migration` with the same --as-of first)");
            return List.of();
        }
        return schemes;
    }
}
