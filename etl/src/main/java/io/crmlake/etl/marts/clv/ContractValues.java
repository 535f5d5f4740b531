package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.model.clv.Span;
import io.crmlake.etl.model.sbg.ShiftedBetaGeometricModel;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The value of contractual customers: for each account open at the as-of date,
 * ARPU x margin rate x the discounted expected residual lifetime over the horizon (Fader &amp; Hardie
 * 2010, the series truncated to the horizon's months; the account has renewed once per complete month
 * since its opening month), summed over the customer's open accounts. ARPU is the mean monthly billed
 * revenue of the account over the months it was open among the last {@code arpu_months} calendar months
 * up to the as-of month (revenue is 0 when not delivered, as in fact_account_period). A customer without an open account has value 0.
 */
final class ContractValues {

    private static final StructType COHORT_VALUE = DataTypes.createStructType(List.of(
            DataTypes.createStructField("open_index", DataTypes.IntegerType, false),
            DataTypes.createStructField("cohort_model", DataTypes.StringType, false),
            DataTypes.createStructField("value_factor", DataTypes.DoubleType, true),
            DataTypes.createStructField("derl", DataTypes.DoubleType, true)));

    private ContractValues() {}

    /**
     * One row per customer with an account: customer_id, open_accounts, arpu, derl_months, clv (null
     * when an open account's cohort has no model), p_alive, model, status.
     */
    static Dataset<Row> of(SparkSession spark, Dataset<Row> accountsDf, Dataset<Row> accountPeriodsDf,
                           RetentionCohorts.Fits fits, ClvSettings settings) {
        YearMonth last = RetentionCohorts.lastCompleteMonth(settings.asOf());
        double monthlyRate = settings.discountRate().perPeriod(Span.months(1));
        List<Row> cohortValues = new ArrayList<>();
        List<Row> cohorts = accountsDf.select("open_index").distinct().collectAsList();
        for (Row r : cohorts) {
            int open = r.getInt(0);
            YearMonth month = RetentionCohorts.monthOf(open);
            ShiftedBetaGeometricModel model = fits.modelFor(month);
            int renewals = Math.max(0, RetentionCohorts.index(last) - open);
            Double factor = model == null ? null
                    : model.discountedExpectedResidualLifetime(monthlyRate, renewals, settings.horizonMonths());
            Double derl = model == null || monthlyRate == 0 ? null
                    : model.discountedExpectedResidualLifetime(monthlyRate, renewals);
            cohortValues.add(RowFactory.create(open, fits.modelName(month), factor, derl));
        }
        Dataset<Row> cohortValueDf = spark.createDataFrame(cohortValues, COHORT_VALUE);
        int asOfMonth = monthKey(YearMonth.from(settings.asOf()));
        int firstArpuMonth = monthKey(YearMonth.from(settings.asOf()).minusMonths(settings.arpuMonths() - 1L));
        Dataset<Row> arpuDf = accountPeriodsDf
                .filter(col("month_key").between(firstArpuMonth, asOfMonth))
                .groupBy("account_id")
                .agg(avg(col("revenue").cast("double")).as("account_arpu"));
        var open = col("is_open");
        return accountsDf
                .join(arpuDf, "account_id", "left")
                .join(cohortValueDf, "open_index", "left")
                .withColumn("account_arpu", coalesce(col("account_arpu"), lit(0.0)))
                .groupBy("customer_id")
                .agg(sum(when(open, 1).otherwise(0)).as("open_accounts"),
                        sum(when(open, col("account_arpu")).otherwise(0.0)).as("arpu"),
                        sum(when(open, col("derl"))).as("derl_months"),
                        sum(when(open, col("account_arpu").multiply(settings.contractualMarginRate())
                                .multiply(col("value_factor"))).otherwise(0.0)).as("value"),
                        max(when(open.and(col("value_factor").isNull()), 1).otherwise(0)).as("unvalued"),
                        min(when(open, col("cohort_model"))).as("open_model"))
                .withColumn("clv", when(col("unvalued").equalTo(1), lit(null).cast("double")).otherwise(col("value")))
                .withColumn("p_alive", when(col("open_accounts").gt(0), 1.0).otherwise(0.0))
                .withColumn("model", coalesce(col("open_model"), lit("sbg")))
                .withColumn("status", when(col("unvalued").equalTo(1), "cohort_not_fitted").otherwise(PurchaseSummary.OK))
                .select("customer_id", "open_accounts", "arpu", "derl_months", "clv", "p_alive", "model", "status");
    }

    static int monthKey(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }
}
