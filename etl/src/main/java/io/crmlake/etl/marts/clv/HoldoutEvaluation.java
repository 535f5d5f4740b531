package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * Calibration and holdout (Fader, Hardie &amp; Lee 2005, section 4): BG/NBD is fitted on the purchases
 * up to {@code as-of - N weeks}; each calibration customer's expected repeat purchases in the next N
 * weeks are compared with the purchase days she actually had in the holdout.
 */
public final class HoldoutEvaluation {

    /** Calibration-period frequency x with customers, mean predicted and mean actual holdout purchases. */
    public record ByFrequency(int frequency, long customers, double predicted, double actual) {
    }

    /** The calibration fit and the error metrics per customer. */
    public record Result(int weeks, LocalDate calibrationEnd, BuyerModels.Timed<BgNbdModel> fit, long customers,
                  double mae, double rmse, double predictedTotal, long actualTotal, List<ByFrequency> byFrequency) {
    }

    private HoldoutEvaluation() {}

    /**
     * @param transactionsDf fact_transaction
     * @param buyersDf       customer_id of the non-contractual customers
     */
    /** The holdout check, or null when no buyer purchased before the calibration end (history shorter than the holdout). */
    static Result run(Dataset<Row> transactionsDf, Dataset<Row> buyersDf, ClvSettings settings) {
        int weeks = settings.holdoutWeeks();
        LocalDate calibrationEnd = settings.asOf().minusWeeks(weeks);
        Dataset<Row> calibrationDf = PurchaseSummary.of(transactionsDf, calibrationEnd)
                .join(buyersDf, "customer_id")
                .filter(col("x").isNotNull())
                .cache();
        try {
            if (calibrationDf.isEmpty()) {
                // The history is shorter than the holdout: nothing to calibrate on. The check is
                // skipped (the caller says so); the models of the whole history still must fit.
                return null;
            }
            BuyerModels.Timed<BgNbdModel> fit = BuyerModels.fitTransactions(calibrationDf, settings.timeUnit(),
                    settings.dropoutPrior());
            BuyerScorer scorer = new BuyerScorer(fit.fit().model(), settings.timeUnit(), null,
                    new AnnualDiscountRate(0), settings.horizonMonths());
            Broadcast<BuyerScorer> shared = JavaSparkContext.fromSparkContext(transactionsDf.sparkSession().sparkContext())
                    .broadcast(scorer);
            // Only the broadcast and plain numbers go into the closure (Span stays on each side).
            var predict = udf((UDF3<Integer, Integer, Integer, Double>) (x, tx, t) ->
                    shared.value().expectedPurchases(x, tx, t, Span.weeks(weeks)), DataTypes.DoubleType);
            Dataset<Row> actualDf = transactionsDf
                    .filter(col("is_purchase")
                            .and(col("date_key").gt(PurchaseSummary.dateKey(calibrationEnd)))
                            .and(col("date_key").leq(PurchaseSummary.dateKey(settings.asOf()))))
                    .groupBy("customer_id")
                    .agg(countDistinct("date_key").as("actual"));
            List<Row> rows = calibrationDf
                    .join(actualDf, "customer_id", "left")
                    .withColumn("actual", coalesce(col("actual"), lit(0L)))
                    .withColumn("predicted", predict.apply(col("x"), col("t_x_days"), col("t_days")))
                    .groupBy("x")
                    .agg(count(lit(1)).as("customers"),
                            sum("predicted").as("predicted"),
                            sum("actual").as("actual"),
                            sum(abs(col("predicted").minus(col("actual")))).as("abs_error"),
                            sum(pow(col("predicted").minus(col("actual")), 2)).as("squared_error"))
                    .orderBy("x")
                    .collectAsList();
            List<ByFrequency> byFrequency = new ArrayList<>();
            long customers = 0;
            long actual = 0;
            double predicted = 0;
            double absError = 0;
            double squaredError = 0;
            for (Row r : rows) {
                long n = r.getLong(1);
                byFrequency.add(new ByFrequency(r.getInt(0), n, r.getDouble(2) / n, r.getLong(3) / (double) n));
                customers += n;
                predicted += r.getDouble(2);
                actual += r.getLong(3);
                absError += r.getDouble(4);
                squaredError += r.getDouble(5);
            }
            return new Result(weeks, calibrationEnd, fit, customers, absError / customers,
                    Math.sqrt(squaredError / customers), predicted, actual, byFrequency);
        } finally {
            calibrationDf.unpersist();
        }
    }
}
