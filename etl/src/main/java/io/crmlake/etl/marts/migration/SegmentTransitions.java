package io.crmlake.etl.marts.migration;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import io.crmlake.etl.marts.AnalysisMonths;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/** Transition matrices (mart_segment_transition) and flows (mart_segment_flow) from the segment history. */
public final class SegmentTransitions {

    public static final String MOM = "mom";
    public static final String YOY = "yoy";

    private SegmentTransitions() {}

    /**
     * Every pair of months one month apart (mom) or twelve apart (yoy): customers, the share of
     * the from-segment they make (rows sum to 1), and their revenue in both months.
     */
    public static Dataset<Row> matrices(Dataset<Row> history) {
        return between(history, MOM, 1).unionByName(between(history, YOY, 12))
                .withColumn("rate", col("customers").divide(sum("customers")
                        .over(Window.partitionBy("scheme", "comparison", "to_month", "from_segment"))));
    }

    private static Dataset<Row> between(Dataset<Row> history, String comparison, int months) {
        Dataset<Row> indexed = history.withColumn("month_idx", AnalysisMonths.index(col("month_key")));
        Dataset<Row> from = indexed.select(col("scheme"), col("customer_id"), col("month_idx").plus(months).as("to_idx"),
                col("month_key").as("from_month"), col("segment").as("from_segment"),
                col("segment_rank").as("from_rank"), col("revenue").as("revenue_from"));
        Dataset<Row> to = indexed.select(col("scheme"), col("customer_id"), col("month_idx").as("to_idx"),
                col("month_key").as("to_month"), col("segment").as("to_segment"),
                col("segment_rank").as("to_rank"), col("revenue").as("revenue_to"));
        return from.join(to, new String[] {"scheme", "customer_id", "to_idx"})
                .groupBy("scheme", "from_month", "to_month", "from_segment", "to_segment", "from_rank", "to_rank")
                .agg(count(lit(1)).as("customers"), sum("revenue_from").as("revenue_from"), sum("revenue_to").as("revenue_to"))
                .withColumn("comparison", lit(comparison));
    }

    /** Month-over-month flows per scheme and month, from the mom matrices (SegmentFlow decides). */
    public static Dataset<Row> flows(Dataset<Row> matrices, SegmentStates states) {
        UDF4<String, Integer, String, Integer, String> flowOf = (from, fromRank, to, toRank) -> {
            SegmentFlow flow = SegmentFlow.of(states, from, fromRank, to, toRank);
            return flow == null ? null : flow.id();
        };
        return matrices.where(col("comparison").equalTo(MOM))
                .withColumn("flow", udf(flowOf, DataTypes.StringType)
                        .apply(col("from_segment"), col("from_rank"), col("to_segment"), col("to_rank")))
                .where(col("flow").isNotNull())
                .groupBy(col("scheme"), col("to_month").as("month_key"), col("flow"))
                .agg(sum("customers").as("customers"), sum("revenue_to").as("revenue"),
                        sum("revenue_from").as("revenue_previous"));
    }
}
