package io.crmlake.etl.marts.contribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.model.contribution.AbcClassifier;
import io.crmlake.warehouse.rules.ParetoScheme;
import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Ranks customers within each (dimension, dimension_value, measure), largest first with ties by
 * customer id (the stable order AbcClassifier assumes), with window functions: rank, group size
 * n, running sum, total. ABC classes come from AbcClassifier per customer; the share class is
 * kept non-decreasing down the ranking as in AbcClassifier.classify.
 */
final class ContributionRanking {

    static final String[] GROUP = {"dimension", "dimension_value", "measure"};

    private ContributionRanking() {}

    /** Members (revenue and margin columns) as one row per measure: measure, value. */
    static Dataset<Row> byMeasure(Dataset<Row> members) {
        return members.select(col("dimension"), col("dimension_value"), col("customer_id"),
                expr("stack(2, 'revenue', revenue, 'margin', margin) as (measure, value)"))
                .withColumn("value", col("value").cast("decimal(18,2)"));
    }

    static Dataset<Row> rank(Dataset<Row> values, ParetoScheme byShare, ParetoScheme byCount) {
        WindowSpec group = Window.partitionBy(GROUP[0], GROUP[1], GROUP[2]);
        WindowSpec ranking = group.orderBy(col("value").desc(), col("customer_id"));
        WindowSpec downTo = ranking.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        UDF2<BigDecimal, BigDecimal, Integer> shareIndex = (cumulative, total) ->
                total.signum() <= 0 ? null : AbcClassifier.classIndex(byShare, cumulative, total);
        UDF2<Integer, Long, Integer> countIndex = (rank, n) ->
                AbcClassifier.classIndex(byCount, BigDecimal.valueOf(rank), BigDecimal.valueOf(n));
        return values
                .withColumn("rank", row_number().over(ranking))
                .withColumn("n", count(lit(1)).over(group))
                .withColumn("cumulative", sum("value").over(downTo))
                .withColumn("total", sum("value").over(group))
                .withColumn("_share_index", udf(shareIndex, DataTypes.IntegerType).apply(col("cumulative"), col("total")))
                .withColumn("_share_index", max("_share_index").over(downTo))
                .withColumn("class_by_share", element_at(classIds(byShare), col("_share_index").plus(1)))
                .withColumn("class_by_count", element_at(classIds(byCount),
                        udf(countIndex, DataTypes.IntegerType).apply(col("rank"), col("n")).plus(1)))
                .withColumn("cumulative_share", when(col("total").gt(0),
                        col("cumulative").cast("double").divide(col("total").cast("double"))))
                .drop("_share_index");
    }

    private static Column classIds(ParetoScheme scheme) {
        return org.apache.spark.sql.functions.array(scheme.classes().stream().map(c -> lit(c.id())).toArray(Column[]::new));
    }
}
