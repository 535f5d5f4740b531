package io.crmlake.etl.marts.kpi;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.rules.KpiTarget.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * fact_customer_month prepared for the KPIs: whether each customer is on the book at each
 * month end (an open account, or a purchase within the window of kpi-targets.yml), the monthly
 * gross flows (joined / left the book), and for a period the running totals from the period's
 * first month, the base month's values (prefix b_), and one row per org unit level holding the
 * customer in that month (plus ALL).
 */
final class CustomerPanel {

    private final Dataset<Row> months;
    private final int firstMonth;

    CustomerPanel(LakeTables tables, int activeWindowDays, int firstMonth, int lastMonth) {
        this.firstMonth = firstMonth;
        WindowSpec byCustomer = Window.partitionBy("customer_id").orderBy("month_key");
        Dataset<Row> units = tables.read("dim_org_unit").select(col("org_unit_id").as("_unit_id"), col("path"));
        Dataset<Row> frame = tables.read("fact_customer_month")
                .where(col("month_key").leq(lastMonth))
                .select("customer_id", "month_key", "org_unit_id", "account_revenue", "orders", "active_accounts", "recency_days")
                .withColumn("on_book", col("active_accounts").gt(0)
                        .or(coalesce(col("recency_days").leq(activeWindowDays), lit(false))))
                .withColumn("_was_on_book", coalesce(lag("on_book", 1).over(byCustomer), lit(false)))
                .withColumn("added", when(col("on_book").and(not(col("_was_on_book"))), 1).otherwise(0))
                .withColumn("lost", when(not(col("on_book")).and(col("_was_on_book")), 1).otherwise(0))
                .withColumn("subscriber_month", when(col("active_accounts").gt(0)
                        .or(col("account_revenue").notEqual(0)), 1).otherwise(0))
                .join(broadcast(units), col("org_unit_id").equalTo(col("_unit_id")), "left")
                .withColumn("units", when(col("path").isNotNull(), concat(split(col("path"), "/"), array(lit("ALL"))))
                        .when(col("org_unit_id").isNotNull(), array(col("org_unit_id"), lit("ALL")))
                        .otherwise(array(lit("ALL"))))
                .drop("_unit_id", "path", "_was_on_book");
        this.months = frame.cache();
    }

    /**
     * Rows (tagged with the period's name) for each month whose period base lies inside the lake (earlier months have no base to
     * compare with): customer_id, month_key, period_start, base_month, unit, on_book,
     * account_revenue, ptd_orders, ptd_revenue, ptd_subscriber_months, ptd_added, ptd_lost,
     * b_on_book, b_account_revenue.
     */
    Dataset<Row> forPeriod(Period period) {
        WindowSpec toDate = Window.partitionBy("customer_id", "period_start").orderBy("month_key")
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> base = months.select(col("customer_id"), col("month_key").as("base_month"),
                col("on_book").as("b_on_book"), col("account_revenue").as("b_account_revenue"));
        return months
                .withColumn("period", lit(period.name().toLowerCase(java.util.Locale.ROOT)))
                .withColumn("period_start", expr(Periods.startMonthSql(period, "month_key")))
                .withColumn("base_month", expr(Periods.previousMonthSql("period_start")))
                .where(col("base_month").geq(firstMonth))
                .withColumn("ptd_orders", sum("orders").over(toDate))
                .withColumn("ptd_revenue", sum("account_revenue").over(toDate))
                .withColumn("ptd_subscriber_months", sum("subscriber_month").over(toDate))
                .withColumn("ptd_added", sum("added").over(toDate))
                .withColumn("ptd_lost", sum("lost").over(toDate))
                .join(base, new String[] {"customer_id", "base_month"}, "left")
                .withColumn("b_on_book", coalesce(col("b_on_book"), lit(false)))
                .withColumn("unit", explode(col("units")));
    }

    /** The base-month values of customers, to judge warning scopes: customer_id, base_month, b_account_revenue. */
    Dataset<Row> baseValues() {
        return months.select(col("customer_id"), col("month_key").as("base_month"),
                col("account_revenue").as("b_account_revenue"), col("on_book").as("b_on_book"));
    }

    void release() {
        months.unpersist();
    }

    static Column count(Column condition) {
        return sum(when(condition, 1).otherwise(0)).cast("long");
    }
}
