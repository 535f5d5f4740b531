package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.spark.LakeTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * fact_customer_month, the periodic snapshot every monthly analysis starts from: one row per
 * customer and month from the first month the customer is known (join or first activity) to
 * the lake's last month, with or without activity. Rebuilt from {@code fromMonth} on; running
 * totals (cumulative revenue, last purchase) continue from the snapshot of the month before,
 * so an incremental month reads only the new months of the facts.
 */
final class CustomerMonthFact {

    private CustomerMonthFact() {}

    static void apply(LakeTables tables, int fromMonth, int lastMonth) {
        Dataset<Row> customers = tables.read("dim_customer").where(col("is_current"))
                .select("customer_id", "join_date");
        Dataset<Row> firstActivity = tables.read("fact_transaction").groupBy("customer_id")
                .agg(min("txn_ts").as("_first_txn"));
        Dataset<Row> grid = customers.join(firstActivity, "customer_id", "left")
                .withColumn("_start", least(coalesce(col("join_date"), to_date(col("_first_txn"))), coalesce(to_date(col("_first_txn")), col("join_date"))))
                .where(col("_start").isNotNull())
                .withColumn("month_key", explode(Months.monthKeysBetween(
                        greatest(col("_start"), Months.firstDay(lit(fromMonth))), Months.lastDay(lit(lastMonth)))))
                .where(col("month_key").geq(fromMonth).and(col("month_key").leq(lastMonth)));

        Dataset<Row> monthly = tables.read("fact_transaction").where(col("month_key").geq(fromMonth))
                .groupBy("customer_id", "month_key")
                .agg(sum("revenue").as("revenue"),
                        sum("margin").as("margin"),
                        count(when(col("is_purchase"), lit(1))).cast("int").as("orders"),
                        countDistinct(when(col("is_purchase"), col("date_key"))).cast("int").as("purchase_days"),
                        max(when(col("is_purchase"), col("revenue"))).as("max_single_purchase"),
                        max(when(col("is_purchase"), to_date(col("txn_ts")))).as("_last_purchase_in_month"));
        Dataset<Row> accounts = tables.read("fact_account_period").where(col("month_key").geq(fromMonth))
                .groupBy("customer_id", "month_key")
                .agg(sum("revenue").as("account_revenue"),
                        count(when(col("is_active"), lit(1))).cast("int").as("active_accounts"));
        Dataset<Row> carried = tables.read("fact_customer_month").where(col("month_key").equalTo(Months.previous(fromMonth)))
                .select(col("customer_id"), col("cumulative_revenue").as("_carried_revenue"),
                        col("last_purchase_date").as("_carried_last_purchase"));

        WindowSpec running = Window.partitionBy("customer_id").orderBy("month_key")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Column lastDay = Months.lastDay(col("month_key"));
        Dataset<Row> snapshot = grid
                .join(monthly, new String[] {"customer_id", "month_key"}, "left")
                .join(accounts, new String[] {"customer_id", "month_key"}, "left")
                .join(carried, new String[] {"customer_id"}, "left")
                .withColumn("revenue", coalesce(col("revenue"), lit(0)))
                .withColumn("margin", coalesce(col("margin"), lit(0)))
                .withColumn("account_revenue", coalesce(col("account_revenue"), lit(0)))
                .withColumn("orders", coalesce(col("orders"), lit(0)))
                .withColumn("purchase_days", coalesce(col("purchase_days"), lit(0)))
                .withColumn("active_accounts", coalesce(col("active_accounts"), lit(0)))
                .withColumn("is_active", col("revenue").notEqual(0).or(col("active_accounts").gt(0)))
                .withColumn("cumulative_revenue", coalesce(col("_carried_revenue"), lit(0)).plus(sum("revenue").over(running)))
                .withColumn("last_purchase_date", coalesce(last(col("_last_purchase_in_month"), true).over(running),
                        col("_carried_last_purchase")))
                .withColumn("recency_days", datediff(lastDay, col("last_purchase_date")))
                .withColumn("tenure_months", floor(months_between(lastDay, col("_start"))).cast("int"))
                .withColumn("_month_end", Months.endInstant(col("month_key")));
        Dataset<Row> facts = Keys.customerAsOf(snapshot, tables.read("dim_customer"), "_month_end",
                "org_unit_id", "relationship")
                .withColumn("org_unit_id", col("v_org_unit_id"))
                .withColumn("relationship", col("v_relationship"));
        tables.replaceWhere("fact_customer_month", facts, "month_key >= " + fromMonth);
    }
}
