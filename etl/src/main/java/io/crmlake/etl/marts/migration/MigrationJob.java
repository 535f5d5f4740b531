package io.crmlake.etl.marts.migration;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import io.crmlake.etl.marts.AnalysisMonths;
import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.spark.LakeTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * crmlake marts migration: segment history, transition matrices, flows and the Markov
 * projection, as of a date. Each mart replaces exactly the slice the as-of date determines
 * (months up to the as-of month; the projection of that base month), so a re-run changes
 * nothing.
 */
public final class MigrationJob {

    /**
     * @param projectionMonths k, the months the mix is projected ahead
     * @param fittedMonths month-over-month transitions (ending at the as-of month) pooled into P
     */
    public record Options(int projectionMonths, int fittedMonths) {
        public static final Options DEFAULT = new Options(12, 12);

        public Options {
            if (projectionMonths < 1) {
                throw new IllegalArgumentException("--projection-months is " + projectionMonths + "; expected 1 or more");
            }
            if (fittedMonths < 1) {
                throw new IllegalArgumentException("--fitted-months is " + fittedMonths + "; expected 1 or more");
            }
        }
    }

    /** What a run wrote, for the summary line and tests. */
    public record Summary(int lastMonth, long segmentRows, long transitionRows, long flowRows, long projectionRows) {}

    private final MartRun run;
    private final Options options;

    public MigrationJob(MartRun run, Options options) {
        this.run = run;
        this.options = options;
    }

    public Summary run() {
        LakeTables tables = run.tables();
        SegmentHistory history = new SegmentHistory(run.rules());
        history.check();
        if (!tables.exists("fact_customer_month")) {
            throw new IllegalStateException("the lake has no fact_customer_month yet; run `crmlake build` first");
        }
        int last = AnalysisMonths.lastCompleteMonth(run.asOf());
        String upToLast = "month_key <= " + last;
        run.progress().accept("migration: segments per month up to " + last + " for schemes " + history.schemeIds());
        tables.replaceWhere("mart_segment_month", history.build(tables, last), upToLast);
        Dataset<Row> segments = tables.read("mart_segment_month").where(upToLast);

        run.progress().accept("migration: transition matrices (mom, yoy) and flows");
        tables.replaceWhere("mart_segment_transition", SegmentTransitions.matrices(segments), "to_month <= " + last);
        Dataset<Row> matrices = tables.read("mart_segment_transition").where(col("to_month").leq(last));
        SegmentStates states = SegmentStates.of(run.rules().lifecycle());
        tables.replaceWhere("mart_segment_flow", SegmentTransitions.flows(matrices, states), upToLast);

        run.progress().accept("migration: Markov projection " + options.projectionMonths() + " months ahead of " + last);
        List<Row> projection = projection(segments, matrices, last);
        tables.replaceWhere("mart_segment_projection",
                tables.spark().createDataFrame(projection, tables.read("mart_segment_projection").schema()),
                "base_month = " + last);

        Row counts = tables.read("mart_segment_month").where(upToLast).agg(count(lit(1))).first();
        Summary summary = new Summary(last, counts.getLong(0),
                tables.read("mart_segment_transition").where(col("to_month").leq(last)).count(),
                tables.read("mart_segment_flow").where(upToLast).count(), projection.size());
        run.progress().accept("migration: " + summary.segmentRows() + " customer-month segments, "
                + summary.transitionRows() + " transition cells, " + summary.flowRows() + " flow rows, "
                + summary.projectionRows() + " projection rows");
        return summary;
    }

    private List<Row> projection(Dataset<Row> segments, Dataset<Row> matrices, int last) {
        int firstFitted = AnalysisMonths.plus(last, -(options.fittedMonths() - 1));
        List<Row> moveRows = matrices
                .where(col("comparison").equalTo(SegmentTransitions.MOM)
                        .and(col("to_month").geq(firstFitted))
                        .and(col("from_segment").notEqual(SegmentStates.NOT_YET)))
                .groupBy("scheme", "from_segment", "to_segment")
                .agg(sum("customers").as("customers"))
                .collectAsList();
        List<Row> mixRows = segments
                .where(col("month_key").equalTo(last).and(col("segment").notEqual(SegmentStates.NOT_YET)))
                .groupBy("scheme", "segment")
                .agg(count(lit(1)).as("customers"), max("segment_rank").as("segment_rank"))
                .collectAsList();
        List<Row> rankRows = segments.where(col("segment").notEqual(SegmentStates.NOT_YET))
                .groupBy("scheme", "segment").agg(max("segment_rank").as("segment_rank")).collectAsList();
        List<Integer> fittedMonths = matrices
                .where(col("comparison").equalTo(SegmentTransitions.MOM).and(col("to_month").geq(firstFitted)))
                .select("to_month").distinct().as(org.apache.spark.sql.Encoders.INT()).collectAsList();
        int fitted = fittedMonths.size();
        int fittedFrom = fittedMonths.stream().mapToInt(Integer::intValue).min().orElse(last);

        Map<String, Map<String, Integer>> ranks = new TreeMap<>();
        rankRows.forEach(r -> ranks.computeIfAbsent(r.getString(0), s -> new LinkedHashMap<>()).put(r.getString(1), r.getInt(2)));
        Map<String, Map<String, Map<String, Long>>> moves = new TreeMap<>();
        moveRows.forEach(r -> moves.computeIfAbsent(r.getString(0), s -> new LinkedHashMap<>())
                .computeIfAbsent(r.getString(1), s -> new LinkedHashMap<>()).put(r.getString(2), r.getLong(3)));
        Map<String, Map<String, Long>> mixes = new TreeMap<>();
        mixRows.forEach(r -> mixes.computeIfAbsent(r.getString(0), s -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2)));

        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> mix : mixes.entrySet()) {
            String scheme = mix.getKey();
            Map<String, Integer> schemeRanks = ranks.get(scheme);
            List<String> order = new ArrayList<>(schemeRanks.keySet());
            order.sort(Comparator.comparing((String s) -> -schemeRanks.get(s)).thenComparing(s -> s));
            MixProjection.Projection p = MixProjection.project(order, moves.getOrDefault(scheme, Map.of()),
                    mix.getValue(), options.projectionMonths());
            for (int step = 0; step < p.shares().length; step++) {
                for (int i = 0; i < order.size(); i++) {
                    double share = p.shares()[step][i];
                    out.add(RowFactory.create(scheme, last, step, order.get(i), share, share * p.baseCustomers(),
                            fittedFrom, fitted));
                }
            }
        }
        return out;
    }
}
