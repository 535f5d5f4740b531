package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import io.crmlake.etl.spark.LakeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * fact_account_period: every account (its latest delivered state) × every month it was open,
 * up to the lake's last month, with the month's balance (the last as_of_date in the month),
 * billed revenue and usage. Rebuilt from {@code fromMonth} on with an atomic replace.
 */
final class AccountPeriodFact {

    private AccountPeriodFact() {}

    static void apply(LakeTables tables, int fromMonth, int lastMonth) {
        Dataset<Row> accounts = tables.read("silver_accounts")
                .withColumn("_rank", row_number().over(Window.partitionBy("account_id").orderBy(col("updated_at").desc())))
                .where(col("_rank").equalTo(1))
                .drop("_rank");
        Dataset<Row> periods = accounts
                .withColumn("month_key", explode(Months.monthKeysBetween(col("open_date"),
                        least(coalesce(col("close_date"), Months.lastDay(lit(lastMonth))), Months.lastDay(lit(lastMonth))))))
                .where(col("month_key").geq(fromMonth));
        Dataset<Row> balances = tables.read("silver_account_balances")
                .withColumn("month_key", Keys.monthKey(col("as_of_date")))
                .where(col("month_key").geq(fromMonth))
                .groupBy("account_id", "month_key")
                .agg(sum("revenue").as("revenue"),
                        sum("usage_count").as("usage_count"));
        Dataset<Row> lastBalance = tables.read("silver_account_balances")
                .withColumn("month_key", Keys.monthKey(col("as_of_date")))
                .where(col("month_key").geq(fromMonth))
                .withColumn("_rank", row_number().over(Window.partitionBy("account_id", "month_key").orderBy(col("as_of_date").desc())))
                .where(col("_rank").equalTo(1))
                .select(col("account_id"), col("month_key"), col("balance"));
        Dataset<Row> monthEnd = periods
                .join(balances, new String[] {"account_id", "month_key"}, "left")
                .join(lastBalance, new String[] {"account_id", "month_key"}, "left")
                .withColumn("_month_end", Months.endInstant(col("month_key")))
                .withColumn("_last_day", Months.lastDay(col("month_key")));
        Dataset<Row> facts = Keys.customerAsOf(monthEnd, tables.read("dim_customer"), "_month_end")
                .transform(f -> Keys.resolve(f, tables.read("dim_product"), "product_id", "product_id", "product_sk"))
                .withColumn("revenue", coalesce(col("revenue"), lit(0)))
                .withColumn("is_active", col("close_date").isNull().or(col("close_date").gt(col("_last_day"))))
                .withColumn("opened_in_period", Keys.monthKey(col("open_date")).equalTo(col("month_key")))
                .withColumn("closed_in_period", coalesce(Keys.monthKey(col("close_date")).equalTo(col("month_key")), lit(false)))
                .withColumn("tenure_months", floor(months_between(col("_last_day"), col("open_date"))).cast("int"));
        tables.replaceWhere("fact_account_period", facts, "month_key >= " + fromMonth);
    }

}
