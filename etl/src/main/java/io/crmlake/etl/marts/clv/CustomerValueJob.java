package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.fit.ModelFitException;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import io.crmlake.etl.spark.LakeTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.StructType;

/**
 * {@code crmlake marts clv}: the customer value mart as of a date. Non-contractual customers: RFM
 * summary from fact_transaction, BG/NBD and Gamma-Gamma fitted on the driver from compressed
 * tuples, scored on the executors. Contractual customers: sBG per account cohort from
 * fact_account_period, value = ARPU x margin x discounted residual lifetime. Every fit runs before
 * anything is written, so a fit that fails leaves the marts as they were; each table is then
 * replaced for the as-of date in one atomic Delta write (re-runs do not duplicate).
 */
public final class CustomerValueJob {

    public static final String CUSTOMER_VALUE = "mart_customer_value";
    public static final String MODEL_RUN = "mart_clv_model_run";
    public static final String HOLDOUT = "mart_clv_holdout";

    /** What a run did, for the summary the CLI prints. */
    public record Report(ClvSettings settings, BuyerModels.Timed<BgNbdModel> transactions,
                         BuyerModels.Timed<GammaGammaModel> spend, RetentionCohorts.Fits retention,
                         HoldoutEvaluation.Result holdout, Map<String, Long> customersByStatus, String dataVersion,
                         double seconds) {

        public long customers() {
            return customersByStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private CustomerValueJob() {}

    /**
     * Runs the mart for {@code settings.asOf()}.
     *
     * @throws IllegalArgumentException when a model cannot be fitted to the data (no repeat buyers, no
     *                                  convergence, ...): one sentence with the reason; nothing is written
     */
    public static Report run(MartRun run, ClvSettings settings) {
        try {
            return runFits(run, settings);
        } catch (ModelFitException e) {
            IllegalArgumentException failed = new IllegalArgumentException("the CLV models could not be fitted as of "
                    + settings.asOf() + ": " + e.getMessage() + "; nothing was written. Check the transactions up to "
                    + "that date (crmlake status) or choose another --as-of");
            failed.addSuppressed(e);
            throw failed;
        }
    }

    private static Report runFits(MartRun run, ClvSettings settings) {
        long start = System.nanoTime();
        LakeTables tables = run.tables();
        String dataVersion = "fact_transaction@" + tables.version("fact_transaction")
                + " fact_account_period@" + tables.version("fact_account_period")
                + " dim_customer@" + tables.version("dim_customer");
        Dataset<Row> transactionsDf = tables.read("fact_transaction");
        Dataset<Row> accountPeriodsDf = tables.read("fact_account_period");
        run.progress().accept("clv: as of " + settings.asOf() + ", times in " + settings.timeUnitName()
                + ", horizon " + settings.horizonMonths() + " months at " + settings.discountRate().annualRate()
                + " a year (" + dataVersion + ")");

        Dataset<Row> customersDf = CustomerRelationships.asOf(tables.read("dim_customer"), settings.asOf())
                .join(PurchaseSummary.of(transactionsDf, settings.asOf()), "customer_id", "left")
                .filter(col("known").or(col("status").isNotNull()))
                .withColumn("status", coalesce(col("status"), lit(PurchaseSummary.NO_PURCHASES)))
                .cache();
        try {
            Dataset<Row> buyersDf = customersDf.filter(col("relationship").equalTo(CustomerRelationships.NON_CONTRACTUAL));
            BuyerModels.Timed<BgNbdModel> transactions = BuyerModels.fitTransactions(buyersDf, settings.timeUnit(),
                    settings.dropoutPrior());
            run.progress().accept("  BG/NBD fitted on " + transactions.distinctRows() + " distinct (x, t_x, T) tuples");
            BuyerModels.Timed<GammaGammaModel> spend = BuyerModels.fitSpend(buyersDf);
            HoldoutEvaluation.Result holdout = null;
            if (settings.holdoutWeeks() > 0) {
                holdout = HoldoutEvaluation.run(transactionsDf, buyersDf.select("customer_id"), settings);
                run.progress().accept(holdout == null
                        ? "  holdout: skipped, no purchases before " + settings.asOf().minusWeeks(settings.holdoutWeeks())
                                + " (the history is shorter than holdout_weeks=" + settings.holdoutWeeks()
                                + "; set a shorter holdout_weeks in clv.yml or --holdout-weeks to check the fit)"
                        : "  holdout: calibrated up to " + holdout.calibrationEnd() + ", "
                                + holdout.customers() + " customers predicted");
            }
            Dataset<Row> accountsDf = RetentionCohorts.accounts(accountPeriodsDf, settings.asOf()).cache();
            try {
                RetentionCohorts.Fits retention = RetentionCohorts.fit(accountsDf, settings.asOf(), run.progress());
                run.progress().accept("  sBG fitted on " + retention.accounts() + " accounts in "
                        + retention.cohorts().size() + " cohorts");

                Dataset<Row> valuesDf = buyerValues(buyersDf, transactions, spend, settings)
                        .unionByName(contractValues(customersDf, accountsDf, accountPeriodsDf, retention, settings, tables));
                Dataset<Row> martDf = ValueRanking.ranked(valuesDf, settings.valueBands())
                        .withColumn("as_of_date", lit(java.sql.Date.valueOf(settings.asOf())))
                        .withColumn("time_unit", lit(settings.timeUnitName()))
                        .withColumn("t_x", col("t_x_days").divide(settings.timeUnit().days()))
                        .withColumn("t_cal", col("t_days").divide(settings.timeUnit().days()))
                        .withColumn("clv_horizon_months", lit(settings.horizonMonths()))
                        .withColumn("annual_discount_rate", lit(settings.discountRate().annualRate()))
                        .withColumn("run_id", lit(settings.runId()));

                String slice = "as_of_date = '" + settings.asOf() + "'";
                tables.replaceWhere(CUSTOMER_VALUE, martDf, slice);
                ModelRuns runs = new ModelRuns(tables.table(MODEL_RUN), settings, dataVersion);
                List<Row> runRows = new ArrayList<>();
                runRows.add(runs.bgNbd("full", transactions, null));
                runRows.add(runs.gammaGamma(spend, run.rules().clv().currency()));
                if (holdout != null) {
                    runRows.add(runs.bgNbd("calibration", holdout.fit(), holdout));
                }
                runRows.add(runs.sbg(retention.pooled()));
                retention.cohorts().forEach(c -> runRows.add(runs.sbg(c)));
                tables.replaceWhere(MODEL_RUN, tables.spark().createDataFrame(runRows, runs.schema()), slice);
                tables.replaceWhere(HOLDOUT, holdoutRows(tables, settings, holdout), slice);

                Map<String, Long> byStatus = new LinkedHashMap<>();
                for (Row r : tables.read(CUSTOMER_VALUE).filter(slice).groupBy("relationship", "status").count()
                        .orderBy("relationship", "status").collectAsList()) {
                    byStatus.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
                }
                return new Report(settings, transactions, spend, retention, holdout, byStatus, dataVersion,
                        (System.nanoTime() - start) / 1e9);
            } finally {
                accountsDf.unpersist();
            }
        } finally {
            customersDf.unpersist();
        }
    }

    /** Non-contractual customers scored with the broadcast BG/NBD and Gamma-Gamma parameters. */
    static Dataset<Row> buyerValues(Dataset<Row> buyersDf, BuyerModels.Timed<BgNbdModel> transactions,
                                            BuyerModels.Timed<GammaGammaModel> spend, ClvSettings settings) {
        BuyerScorer scorer = new BuyerScorer(transactions.fit().model(), settings.timeUnit(), spend.fit().model(),
                settings.discountRate(), settings.horizonMonths());
        Broadcast<BuyerScorer> shared = JavaSparkContext.fromSparkContext(buyersDf.sparkSession().sparkContext())
                .broadcast(scorer);
        var score = udf((UDF5<Integer, Integer, Integer, Double, String, Row>) (x, tx, t, m, status) ->
                x == null ? null : shared.value().score(x, tx, t, m, PurchaseSummary.OK.equals(status)), BuyerScorer.SCORES);
        return buyersDf
                .withColumn("scores", score.apply(col("x"), col("t_x_days"), col("t_days"), col("avg_repeat_spend"),
                        col("status")))
                .withColumn("model", when(col("x").isNull(), lit("none"))
                        .when(col("status").equalTo(PurchaseSummary.OK), lit("bg_nbd+gamma_gamma"))
                        .otherwise(lit("bg_nbd")))
                .withColumn("arpu", lit(null).cast("double"))
                .withColumn("derl_months", lit(null).cast("double"))
                .select(commonColumns(col("scores.p_alive"), col("scores.expected_purchases_90d"),
                        col("scores.expected_purchases_365d"), col("scores.expected_avg_spend"), col("scores.clv")));
    }

    /** Contractual customers valued from their accounts; without an account, status no_account. */
    private static Dataset<Row> contractValues(Dataset<Row> customersDf, Dataset<Row> accountsDf,
                                               Dataset<Row> accountPeriodsDf, RetentionCohorts.Fits retention,
                                               ClvSettings settings, LakeTables tables) {
        Dataset<Row> valuesDf = ContractValues.of(tables.spark(), accountsDf, accountPeriodsDf, retention, settings)
                .withColumnRenamed("status", "contract_status")
                .withColumnRenamed("model", "contract_model")
                .withColumnRenamed("clv", "contract_clv")
                .withColumnRenamed("p_alive", "contract_p_alive");
        return customersDf
                .filter(col("relationship").equalTo(CustomerRelationships.CONTRACTUAL))
                .join(valuesDf, "customer_id", "left")
                .withColumn("status", coalesce(col("contract_status"), lit("no_account")))
                .withColumn("model", coalesce(col("contract_model"), lit("none")))
                .select(commonColumns(col("contract_p_alive"), lit(null).cast("double"), lit(null).cast("double"),
                        col("arpu"), col("contract_clv")));
    }

    private static org.apache.spark.sql.Column[] commonColumns(org.apache.spark.sql.Column pAlive,
                                                               org.apache.spark.sql.Column e90,
                                                               org.apache.spark.sql.Column e365,
                                                               org.apache.spark.sql.Column spend,
                                                               org.apache.spark.sql.Column clv) {
        return new org.apache.spark.sql.Column[] {
                col("customer_id"), col("relationship"), col("first_purchase_date"), col("last_purchase_date"),
                col("x"), col("t_x_days"), col("t_days"), col("avg_repeat_spend"),
                coalesce(col("historical_revenue"), lit(0)).cast("decimal(18,2)").as("historical_revenue"),
                coalesce(col("historical_margin"), lit(0)).cast("decimal(18,2)").as("historical_margin"),
                pAlive.as("p_alive"), e90.as("expected_purchases_90d"), e365.as("expected_purchases_365d"),
                spend.as("expected_avg_spend"), col("arpu"), col("derl_months"), clv.as("clv"), col("model"),
                col("status")};
    }

    private static Dataset<Row> holdoutRows(LakeTables tables, ClvSettings settings, HoldoutEvaluation.Result holdout) {
        StructType schema = io.crmlake.etl.spark.SparkTypes.struct(tables.table(HOLDOUT).columns());
        List<Row> rows = new ArrayList<>();
        if (holdout != null) {
            for (HoldoutEvaluation.ByFrequency f : holdout.byFrequency()) {
                rows.add(RowFactory.create(settings.runId(), java.sql.Date.valueOf(settings.asOf()), f.frequency(),
                        f.customers(), f.predicted(), f.actual()));
            }
        }
        return tables.spark().createDataFrame(rows, schema);
    }

}
