package io.crmlake.etl.marts.contribution;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.crmlake.etl.spark.LakeTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who belongs to which dimension value, with what revenue and margin over the window: one row
 * per (dimension, dimension_value, customer_id). A customer counts when they have at least one
 * transaction in the window (in that dimension value, for channel and category).
 * <ul>
 *   <li>company (ALL), region, branch, outlet: the org unit holding the customer at the end of
 *       the window (fact_customer_month), with all their revenue;</li>
 *   <li>channel, product_category: the transactions' own channel and product category, so one
 *       customer can appear under several values;</li>
 *   <li>a segment scheme (arpu_band, rfm, lifecycle, member_tier): the customer's segment in the
 *       last window month, from mart_segment_month.</li>
 * </ul>
 * Missing attributes become the value {@value #UNKNOWN}, never a dropped row.
 */
final class ContributionMembers {

    static final String COMPANY = "company";
    static final String ALL = "ALL";
    static final String UNKNOWN = "unknown";

    private ContributionMembers() {}

    static Dataset<Row> build(LakeTables tables, int fromMonth, int lastMonth, List<String> segmentSchemes) {
        Dataset<Row> transactions = tables.read("fact_transaction")
                .where(col("month_key").between(fromMonth, lastMonth))
                .select("customer_id", "revenue", "margin", "channel_sk", "product_sk");
        Dataset<Row> perCustomer = transactions.groupBy("customer_id")
                .agg(sum("revenue").as("revenue"), sum("margin").as("margin"));
        Dataset<Row> heldBy = tables.read("fact_customer_month").where(col("month_key").equalTo(lastMonth))
                .select("customer_id", "org_unit_id")
                .join(tables.read("dim_org_unit").select("org_unit_id", "region_id", "branch_id", "outlet_id"),
                        new String[] {"org_unit_id"}, "left");
        Dataset<Row> withOrg = perCustomer.join(heldBy, new String[] {"customer_id"}, "left");

        List<Dataset<Row>> parts = new ArrayList<>();
        parts.add(member(perCustomer, COMPANY, lit(ALL)));
        parts.add(member(withOrg, "region", col("region_id")));
        parts.add(member(withOrg, "branch", col("branch_id")));
        parts.add(member(withOrg, "outlet", col("outlet_id")));
        Dataset<Row> byChannel = transactions
                .join(tables.read("dim_channel").select("channel_sk", "channel_id"), new String[] {"channel_sk"}, "left")
                .groupBy(coalesce(col("channel_id"), lit(UNKNOWN)).as("_value"), col("customer_id"))
                .agg(sum("revenue").as("revenue"), sum("margin").as("margin"));
        parts.add(member(byChannel, "channel", col("_value")));
        Dataset<Row> byCategory = transactions
                .join(tables.read("dim_product").select("product_sk", "category"), new String[] {"product_sk"}, "left")
                .groupBy(coalesce(col("category"), lit(UNKNOWN)).as("_value"), col("customer_id"))
                .agg(sum("revenue").as("revenue"), sum("margin").as("margin"));
        parts.add(member(byCategory, "product_category", col("_value")));
        if (!segmentSchemes.isEmpty()) {
            Dataset<Row> segments = tables.read("mart_segment_month").where(col("month_key").equalTo(lastMonth))
                    .select("scheme", "customer_id", "segment");
            Dataset<Row> bySegment = perCustomer
                    .withColumn("scheme", explode(org.apache.spark.sql.functions.array(
                            segmentSchemes.stream().map(s -> lit(s)).toArray(Column[]::new))))
                    .join(segments, new String[] {"scheme", "customer_id"}, "left");
            parts.add(bySegment.select(col("scheme").as("dimension"), coalesce(col("segment"), lit(UNKNOWN)).as("dimension_value"),
                    col("customer_id"), col("revenue"), col("margin")));
        }
        Dataset<Row> all = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            all = all.unionByName(parts.get(i));
        }
        return all;
    }

    private static Dataset<Row> member(Dataset<Row> frame, String dimension, Column value) {
        return frame.select(lit(dimension).as("dimension"), coalesce(value, lit(UNKNOWN)).as("dimension_value"),
                col("customer_id"), col("revenue"), col("margin"));
    }
}
