package io.crmlake.etl.marts.contribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.model.contribution.Contribution;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pareto curve, top-k shares, customers for 80 % and Gini from the ranked customers, by joins
 * and aggregates (no per-group collection). Definitions as in {@link Contribution}: the curve is
 * linear between whole customers (the top 20 % of 7 customers = customer 1 + 0.4 × customer 2);
 * customers for 80 % is the smallest m whose running sum reaches 80 % of the total (exact
 * decimals); Gini = Σ_r (n + 1 − 2r) x_r / (n Σ x) with r the rank from the top, which is
 * Damgaard and Weiner's Σ_i (2i − n − 1) x_(i) / (n Σ x) with i = n + 1 − r.
 */
final class ContributionCurve {

    /** The share whose customer count the summary reports (the "80" of 20/80). */
    static final BigDecimal EIGHTY_PERCENT = new BigDecimal("0.80");
    static final List<Integer> TOP_POINTS = List.of(1, 5, 10, 20);

    private ContributionCurve() {}

    /** Curve rows for every group with a positive total: point, customer_share, value_share. */
    static Dataset<Row> curve(Dataset<Row> ranked) {
        String[] g = ContributionRanking.GROUP;
        Dataset<Row> groups = ranked.where(col("rank").equalTo(1).and(col("total").gt(0)))
                .select(col(g[0]), col(g[1]), col(g[2]), col("n"), col("total"));
        Dataset<Row> points = ranked.sparkSession().range(1, Contribution.CURVE_POINTS + 1L)
                .select(col("id").cast("int").as("point"));
        Dataset<Row> grid = groups.crossJoin(points)
                .withColumn("customer_share", col("point").divide((double) Contribution.CURVE_POINTS))
                .withColumn("_position", col("customer_share").multiply(col("n")))
                .withColumn("_whole", floor(col("_position")).cast("int"));
        Dataset<Row> atWhole = ranked.select(col(g[0]), col(g[1]), col(g[2]), col("rank").as("_whole"),
                col("cumulative").as("_cumulative"));
        Dataset<Row> next = ranked.select(col(g[0]), col(g[1]), col(g[2]), col("rank").minus(1).as("_whole"),
                col("value").as("_next_value"));
        String[] joinKeys = {g[0], g[1], g[2], "_whole"};
        return grid.join(atWhole, joinKeys, "left").join(next, joinKeys, "left")
                .withColumn("value_share", coalesce(col("_cumulative"), lit(0)).cast("double")
                        .plus(col("_position").minus(col("_whole")).multiply(coalesce(col("_next_value"), lit(0)).cast("double")))
                        .divide(col("total").cast("double")))
                .select(col(g[0]), col(g[1]), col(g[2]), col("point"), col("customer_share"), col("value_share"));
    }

    /** One summary row per group; shares, customers for 80 % and Gini null when the total is not positive. */
    static Dataset<Row> summary(Dataset<Row> ranked, Dataset<Row> curve) {
        String[] g = ContributionRanking.GROUP;
        Dataset<Row> tops = curve.where(col("point").isin(TOP_POINTS.toArray()))
                .groupBy(g[0], g[1], g[2])
                .pivot("point", List.copyOf(TOP_POINTS.stream().map(p -> (Object) p).toList()))
                .agg(first("value_share"));
        for (int p : TOP_POINTS) {
            tops = tops.withColumnRenamed(String.valueOf(p), "top" + p + "_share");
        }
        Dataset<Row> for80 = ranked
                .where(col("total").gt(0).and(col("cumulative").geq(col("total").multiply(lit(EIGHTY_PERCENT)))))
                .groupBy(g[0], g[1], g[2])
                .agg(min("rank").cast("long").as("customers_for_80"));
        Dataset<Row> gini = ranked.groupBy(g[0], g[1], g[2])
                .agg(first("n").as("customers"), first("total").as("total"),
                        sum(col("n").plus(1).minus(col("rank").multiply(2)).multiply(col("value").cast("double"))).as("_weighted"))
                .withColumn("gini", when(col("total").gt(0),
                        col("_weighted").divide(col("customers").multiply(col("total").cast("double")))));
        return gini.join(tops, g, "left").join(for80, g, "left")
                .withColumn("customers_for_80_share", col("customers_for_80").divide(col("customers")));
    }
}
