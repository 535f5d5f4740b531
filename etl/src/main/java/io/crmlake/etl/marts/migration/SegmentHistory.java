package io.crmlake.etl.marts.migration;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.marts.AnalysisMonths;
import io.crmlake.etl.model.contribution.AbcClassifier;
import io.crmlake.etl.model.segment.BandClassifier;
import io.crmlake.etl.model.segment.RfmScoring;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.rules.Band;
import io.crmlake.warehouse.rules.BandScheme;
import io.crmlake.warehouse.rules.ParetoScheme;
import io.crmlake.warehouse.rules.RfmScheme;
import io.crmlake.warehouse.rules.RuleSet;
import io.crmlake.warehouse.rules.Scheme;
import io.crmlake.warehouse.rules.TierRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Each customer's segment per month under every scheme of the rules (mart_segment_month).
 * Spark moves, ranks and aggregates; which segment a value falls in is decided by the rules'
 * own maths classes (BandClassifier, AbcClassifier, RfmScoring, LifecycleStages, MemberTiers),
 * called per row or per customer.
 */
public final class SegmentHistory {

    public static final String LIFECYCLE = "lifecycle";
    public static final String MEMBER_TIER = "member_tier";

    private final RuleSet rules;
    private final SegmentStates states;

    public SegmentHistory(RuleSet rules) {
        this.rules = rules;
        this.states = SegmentStates.of(rules.lifecycle());
    }

    /** Scheme ids in mart order: segments.yml, then lifecycle and member_tier. */
    public List<String> schemeIds() {
        List<String> ids = new ArrayList<>(rules.segments().schemes().stream().map(Scheme::id).toList());
        ids.add(LIFECYCLE);
        ids.add(MEMBER_TIER);
        return ids;
    }

    /** Fails before any work when the rules name something this job cannot compute. */
    public void check() {
        for (Scheme scheme : rules.segments().schemes()) {
            if (scheme.id().equals(LIFECYCLE) || scheme.id().equals(MEMBER_TIER)) {
                throw new IllegalArgumentException("segments.yml: scheme id '" + scheme.id()
                        + "' is reserved for " + (scheme.id().equals(LIFECYCLE) ? "lifecycle.yml" : "tiers.yml")
                        + "; rename the scheme");
            }
            String measure = scheme instanceof BandScheme b ? b.measure() : scheme instanceof ParetoScheme p ? p.measure() : null;
            if (measure != null && !MonthMeasures.NAMES.contains(measure)) {
                throw MonthMeasures.unknown(measure, "scheme '" + scheme.id() + "'");
            }
        }
    }

    /** mart_segment_month rows for every month from the lake's first month to {@code lastMonth}. */
    public Dataset<Row> build(LakeTables tables, int lastMonth) {
        check();
        Dataset<Row> timeline = timeline(tables, lastMonth).persist();
        List<Dataset<Row>> frames = new ArrayList<>();
        for (Scheme scheme : rules.segments().schemes()) {
            if (scheme instanceof BandScheme b) {
                frames.add(bands(timeline, b));
            } else if (scheme instanceof ParetoScheme p) {
                frames.add(pareto(timeline, p));
            } else if (scheme instanceof RfmScheme r) {
                frames.add(rfm(timeline, r));
            }
        }
        frames.add(lifecycle(timeline));
        frames.add(memberTier(timeline));
        frames.add(notYetCustomers(timeline, lastMonth));
        Dataset<Row> all = frames.get(0);
        for (int i = 1; i < frames.size(); i++) {
            all = all.unionByName(frames.get(i));
        }
        return all;
    }

    /** fact_customer_month up to lastMonth, walked per customer (lifecycle stage, churn, tier). */
    Dataset<Row> timeline(LakeTables tables, int lastMonth) {
        Dataset<Row> firstPurchase = tables.read("fact_transaction")
                .where(col("is_purchase").and(col("month_key").leq(lastMonth)))
                .groupBy("customer_id")
                .agg(to_date(min("date_key").cast("string"), "yyyyMMdd").as("first_purchase_date"));
        Dataset<Row> months = tables.read("fact_customer_month")
                .where(col("month_key").leq(lastMonth))
                .join(firstPurchase, new String[] {"customer_id"}, "left")
                .select(java.util.Arrays.stream(TimelineFunction.INPUT).map(c -> col(c)).toArray(Column[]::new));
        return months
                .groupByKey((org.apache.spark.api.java.function.MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups(new TimelineFunction(rules.lifecycle(), rules.tiers()),
                        Encoders.row(TimelineFunction.outputSchema(months.schema())))
                .withColumn("month_idx", AnalysisMonths.index(col("month_key")));
    }

    private Dataset<Row> bands(Dataset<Row> timeline, BandScheme scheme) {
        UDF1<BigDecimal, String> band = value -> value == null ? SegmentStates.NO_BAND
                : BandClassifier.classify(scheme, value).map(Band::id).orElse(SegmentStates.NO_BAND);
        Map<String, Integer> ranks = new LinkedHashMap<>();
        scheme.bands().forEach(b -> ranks.put(b.id(), b.rank()));
        ranks.put(SegmentStates.NO_BAND, 0);
        Column segment = udf(band, DataTypes.StringType).apply(MonthMeasures.of(scheme.measure()));
        return segmentRows(timeline, scheme.id(), segment, ranks);
    }

    /**
     * ABC of the measure summed over the trailing window, ranked within each month among the
     * customers who are not churned (largest first, ties by customer id). The class index comes
     * from AbcClassifier per customer and is kept non-decreasing down the ranking, as in the
     * plain classifier. A month whose total is not positive has no shares: everyone takes the
     * last class.
     */
    private Dataset<Row> pareto(Dataset<Row> timeline, ParetoScheme scheme) {
        int lastClass = scheme.classes().size() - 1;
        WindowSpec trailing = Window.partitionBy("customer_id").orderBy("month_idx")
                .rangeBetween(-(scheme.windowMonths() - 1), 0);
        WindowSpec month = Window.partitionBy("month_key", "churned");
        WindowSpec ranking = month.orderBy(col("_value").desc(), col("customer_id"));
        WindowSpec downTo = ranking.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column index;
        if (scheme.method() == ParetoScheme.Method.CUMULATIVE_SHARE) {
            UDF2<BigDecimal, BigDecimal, Integer> byShare = (cumulative, total) -> total.signum() <= 0 ? lastClass
                    : AbcClassifier.classIndex(scheme, cumulative, total);
            index = udf(byShare, DataTypes.IntegerType).apply(sum("_value").over(downTo), sum("_value").over(month));
        } else {
            UDF2<Integer, Long, Integer> byCount = (position, n) ->
                    AbcClassifier.classIndex(scheme, BigDecimal.valueOf(position), BigDecimal.valueOf(n));
            index = udf(byCount, DataTypes.IntegerType).apply(row_number().over(ranking), count(lit(1)).over(month));
        }
        Column ids = org.apache.spark.sql.functions.array(scheme.classes().stream().map(c -> lit(c.id())).toArray(Column[]::new));
        Map<String, Integer> ranks = new LinkedHashMap<>();
        scheme.classes().forEach(c -> ranks.put(c.id(), c.rank()));
        Dataset<Row> ranked = timeline
                .withColumn("_value", sum(MonthMeasures.of(scheme.measure())).over(trailing))
                .withColumn("_index", index)
                .withColumn("_index", max("_index").over(downTo));
        return segmentRows(ranked, scheme.id(), element_at(ids, col("_index").plus(1)), ranks);
    }

    /**
     * RFM over the trailing window: frequency = purchases, monetary = revenue, recency = days
     * since the last purchase at the month end (never purchased = the worst). Scores follow
     * RfmScoring (1 + floor(L · worse / n), ties share a score); "worse" is RANK() − 1 within the
     * month's customers who are not churned.
     */
    private Dataset<Row> rfm(Dataset<Row> timeline, RfmScheme scheme) {
        int levels = scheme.scores();
        WindowSpec trailing = Window.partitionBy("customer_id").orderBy("month_idx")
                .rangeBetween(-(scheme.windowMonths() - 1), 0);
        WindowSpec month = Window.partitionBy("month_key", "churned");
        UDF4<Integer, Integer, Integer, Long, String> segmentOf = (r, f, m, n) -> scheme.segmentOf(
                RfmScoring.score(levels, r - 1, n), RfmScoring.score(levels, f - 1, n), RfmScoring.score(levels, m - 1, n));
        Dataset<Row> scored = timeline
                .withColumn("_frequency", sum("orders").over(trailing))
                .withColumn("_monetary", sum("revenue").over(trailing))
                .withColumn("_segment", udf(segmentOf, DataTypes.StringType).apply(
                        rank().over(month.orderBy(col("recency_days").desc_nulls_first())),
                        rank().over(month.orderBy(col("_frequency").asc())),
                        rank().over(month.orderBy(col("_monetary").asc())),
                        count(lit(1)).over(month)));
        List<String> ids = scheme.segmentIds();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            ranks.put(ids.get(i), ids.size() - i); // the first listed segment ranks highest
        }
        return segmentRows(scored, scheme.id(), col("_segment"), ranks);
    }

    private Dataset<Row> lifecycle(Dataset<Row> timeline) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        rules.lifecycle().stageIds().forEach(s -> ranks.put(s, rules.lifecycle().rankOf(s)));
        return segmentRows(timeline, LIFECYCLE, col("stage"), ranks);
    }

    private Dataset<Row> memberTier(Dataset<Row> timeline) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (TierRules.Tier t : rules.tiers().tiers()) {
            ranks.put(t.id(), t.rank());
        }
        ranks.put(SegmentStates.NO_TIER, SegmentStates.NO_TIER_RANK);
        return segmentRows(timeline, MEMBER_TIER, coalesce(col("tier"), lit(SegmentStates.NO_TIER)), ranks);
    }

    /** The mart's columns; a churned customer is churned under every scheme. */
    private Dataset<Row> segmentRows(Dataset<Row> frame, String scheme, Column segment, Map<String, Integer> ranks) {
        Column live = segment;
        Column rank = coalesce(element_at(rankMap(ranks), live), lit(0));
        return frame.select(
                col("month_key"),
                lit(scheme).as("scheme"),
                col("customer_id"),
                when(col("churned"), lit(states.churned())).otherwise(live).as("segment"),
                when(col("churned"), lit(SegmentStates.CHURNED_RANK)).otherwise(rank).cast("int").as("segment_rank"),
                col("revenue").cast("decimal(18,2)").as("revenue"));
    }

    private static Column rankMap(Map<String, Integer> ranks) {
        List<Column> kv = new ArrayList<>();
        ranks.forEach((k, v) -> {
            kv.add(lit(k));
            kv.add(lit(v));
        });
        return org.apache.spark.sql.functions.map(kv.toArray(Column[]::new));
    }

    /**
     * not_yet_customer for every scheme in the lake's months before the customer's first month,
     * so that a customer's arrival is a transition like any other ("new").
     */
    private Dataset<Row> notYetCustomers(Dataset<Row> timeline, int lastMonth) {
        Dataset<Row> firsts = timeline.groupBy("customer_id").agg(min("month_idx").as("_first_idx"));
        // Every customer has a row in every month from their first to lastMonth, so the months
        // seen are the lake's months, without gaps.
        Dataset<Row> lakeMonths = timeline.select("month_idx").distinct();
        Column[] schemes = schemeIds().stream().map(s -> lit(s)).toArray(Column[]::new);
        return firsts.join(org.apache.spark.sql.functions.broadcast(lakeMonths), col("month_idx").lt(col("_first_idx")))
                .select(
                        col("month_idx").divide(12).cast("int").multiply(100).plus(col("month_idx").mod(12)).plus(1)
                                .cast("int").as("month_key"),
                        explode(org.apache.spark.sql.functions.array(schemes)).as("scheme"),
                        col("customer_id"),
                        lit(SegmentStates.NOT_YET).as("segment"),
                        lit(SegmentStates.NOT_YET_RANK).as("segment_rank"),
                        lit(BigDecimal.ZERO).cast("decimal(18,2)").as("revenue"));
    }
}
