package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The recency-frequency-monetary summary of each customer as of a date, from fact_transaction
 * (BG/NBD's data, Fader, Hardie &amp; Lee 2005, section 3): purchases on the same local day are one
 * purchase; the first purchase day is the trial; x = further purchase days; t_x = days from the
 * first to the last purchase day; T = days from the first purchase day to the end of the as-of day
 * (so T = 1 for a first purchase on the as-of date, and t_x &lt; T always). Times stay in whole
 * days here; {@link io.crmlake.etl.model.clv.Span} converts them to the model unit.
 *
 * <p>The monetary value m is the mean revenue per repeat purchase day (the trial day excluded, as
 * the Gamma-Gamma model is fitted on repeat transactions). Refunds are separate events without a
 * link to the purchase they undo: they count in the historical revenue, and a customer whose
 * refunds exceed their purchases gets status {@value #NEGATIVE_NET_SPEND} instead of a spend
 * forecast.
 */
public final class PurchaseSummary {

    public static final String OK = "ok";
    /** Refunds, but no purchase up to the as-of date: nothing to model. */
    public static final String ONLY_REFUNDS = "only_refunds";
    /** No revenue event at all, or bills only (contractual). */
    public static final String NO_PURCHASES = "no_purchases";
    /** Refunds exceed purchases: the transaction model scores, the spend model does not. */
    public static final String NEGATIVE_NET_SPEND = "negative_net_spend";
    /** Repeat purchases worth nothing in total (zero amounts): no Gamma-Gamma spend. */
    public static final String ZERO_SPEND = "zero_spend";

    private PurchaseSummary() {}

    /**
     * One row per customer with a transaction up to {@code asOf}: customer_id, first_purchase_date,
     * last_purchase_date, x, t_x_days, t_days, avg_repeat_spend, historical_revenue, historical_margin,
     * refunds, status. The purchase columns are null without a purchase.
     */
    public static Dataset<Row> of(Dataset<Row> transactionsDf, LocalDate asOf) {
        Dataset<Row> seenDf = transactionsDf.filter(col("date_key").leq(dateKey(asOf)));
        Dataset<Row> purchaseDaysDf = seenDf
                .filter(col("is_purchase"))
                .groupBy("customer_id", "date_key")
                .agg(sum("revenue").as("day_spend"))
                .withColumn("day", to_date(col("date_key").cast("string"), "yyyyMMdd"));
        Dataset<Row> purchasersDf = purchaseDaysDf
                .groupBy("customer_id")
                .agg(min("day").as("first_purchase_date"),
                        max("day").as("last_purchase_date"),
                        count(lit(1)).as("purchase_days"),
                        sum("day_spend").as("purchase_spend"),
                        min_by(col("day_spend"), col("day")).as("first_day_spend"));
        Dataset<Row> totalsDf = seenDf
                .groupBy("customer_id")
                .agg(sum("revenue").as("historical_revenue"),
                        sum("margin").as("historical_margin"),
                        sum(when(col("txn_type").equalTo("refund"), 1).otherwise(0)).as("refunds"));
        return totalsDf
                .join(purchasersDf, "customer_id", "left")
                .withColumn("x", col("purchase_days").minus(1).cast("int"))
                .withColumn("t_x_days", datediff(col("last_purchase_date"), col("first_purchase_date")))
                .withColumn("t_days", datediff(lit(java.sql.Date.valueOf(asOf)), col("first_purchase_date")).plus(1))
                .withColumn("avg_repeat_spend", when(col("x").gt(0),
                        col("purchase_spend").minus(col("first_day_spend")).cast("double").divide(col("x"))))
                .withColumn("status", when(col("purchase_days").isNull(),
                                when(col("refunds").gt(0), ONLY_REFUNDS).otherwise(NO_PURCHASES))
                        .when(col("historical_revenue").lt(0), NEGATIVE_NET_SPEND)
                        .when(col("x").gt(0).and(col("avg_repeat_spend").leq(0)), ZERO_SPEND)
                        .otherwise(OK))
                .select("customer_id", "first_purchase_date", "last_purchase_date", "x", "t_x_days", "t_days",
                        "avg_repeat_spend", "historical_revenue", "historical_margin", "refunds", "status");
    }

    static int dateKey(LocalDate day) {
        return Integer.parseInt(day.format(DateTimeFormatter.BASIC_ISO_DATE));
    }
}
