package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import io.crmlake.etl.model.simulate.BgNbdSimulation;
import io.crmlake.etl.spark.CrmlakeSpark;
import io.crmlake.warehouse.lake.LakeConfig;
import io.crmlake.warehouse.rules.BandScheme;
import io.crmlake.warehouse.rules.Band;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * bench/clv.sh: times the CLV fit (compression on the executors + BG/NBD and Gamma-Gamma on the
 * driver, each timed on its own) and the scoring (P(alive), expected purchases, spend and 12-month CLV per customer on the
 * executors) on simulated customers at the CDNOW parameters, at each size given on the command line.
 */
public final class ClvBenchmark {

    /** Fader, Hardie &amp; Lee (2005) and Fader &amp; Hardie (2013) CDNOW estimates (weeks). */
    static final BgNbdModel BG = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    static final GammaGammaModel GG = new GammaGammaModel(6.25, 3.74, 15.44);

    private static final StructType CUSTOMERS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("customer_id", DataTypes.StringType, false),
            DataTypes.createStructField("x", DataTypes.IntegerType, false),
            DataTypes.createStructField("t_x_days", DataTypes.IntegerType, false),
            DataTypes.createStructField("t_days", DataTypes.IntegerType, false),
            DataTypes.createStructField("avg_repeat_spend", DataTypes.DoubleType, true),
            DataTypes.createStructField("status", DataTypes.StringType, false)));

    private ClvBenchmark() {}

    public static void main(String[] args) {
        LakeConfig config = new LakeConfig("work/bench-clv", null, null, null, "local[*]", Map.of(
                "spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false"));
        SparkSession spark = CrmlakeSpark.session(config);
        System.out.println("customers,tuples,spend_pairs,fit_total_s,fit_driver_s,bgnbd_s,gamma_gamma_s,score_s,"
                + "score_rows_per_s,r,alpha,a,b,p,q,gamma");
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            BgNbdSimulation.Customers sim = BgNbdSimulation.customers(BG, GG, n, 30, 80, 20240101L + n);
            List<Row> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(RowFactory.create("C" + i, sim.x()[i], sim.recencyDays()[i], sim.ageDays()[i],
                        sim.x()[i] > 0 ? inCents(sim.x()[i], sim.meanRepeatSpend()[i]) : null, PurchaseSummary.OK));
            }
            Dataset<Row> customersDf = spark.createDataFrame(rows, CUSTOMERS).repartition(8).cache();
            customersDf.count();
            rows = null;

            long start = System.nanoTime();
            BuyerModels.Timed<BgNbdModel> transactions = BuyerModels.fitTransactions(customersDf, ModelTimeUnit.WEEKS, false);
            BuyerModels.Timed<GammaGammaModel> spend = BuyerModels.fitSpend(customersDf);
            double fitSeconds = (System.nanoTime() - start) / 1e9;

            ClvSettings settings = new ClvSettings(LocalDate.of(2024, 12, 31), ModelTimeUnit.WEEKS, 12,
                    new AnnualDiscountRate(0.10), 0, 0.35, 3, bands(), false);
            start = System.nanoTime();
            Row total = CustomerValueJob.buyerValues(withMartColumns(customersDf), transactions, spend, settings)
                    .agg(count("clv"), sum("clv"), sum("p_alive"), sum("expected_purchases_365d"))
                    .first();
            double scoreSeconds = (System.nanoTime() - start) / 1e9;
            if (total.getLong(0) != n) {
                throw new IllegalStateException("scored " + total.getLong(0) + " of " + n + " customers");
            }
            var bg = transactions.fit();
            var gg = spend.fit();
            System.out.println(String.format(Locale.ROOT, "%d,%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.0f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f",
                    n, transactions.distinctRows(), spend.distinctRows(), fitSeconds,
                    transactions.seconds() + spend.seconds(), transactions.seconds(), spend.seconds(), scoreSeconds,
                    n / scoreSeconds, bg.estimate("r"), bg.estimate("alpha"), bg.estimate("a"), bg.estimate("b"),
                    gg.estimate("p"), gg.estimate("q"), gg.estimate("gamma")));
            customersDf.unpersist();
        }
        spark.stop();
    }

    /**
     * The mean repeat spend as the mart computes it from a currency table: the repeat total in whole
     * cents, divided by x (PurchaseSummary: decimal total cast to double / x). Buyers with the same x
     * and the same total then share one (x, m) pair, as they do in real data.
     */
    static double inCents(int x, double meanSpend) {
        return Math.max(1, Math.round(x * meanSpend * 100)) / 100.0 / x;
    }

    /** The columns the mart's scoring step carries along, empty here. */
    private static Dataset<Row> withMartColumns(Dataset<Row> customersDf) {
        return customersDf
                .withColumn("relationship", org.apache.spark.sql.functions.lit(CustomerRelationships.NON_CONTRACTUAL))
                .withColumn("first_purchase_date", org.apache.spark.sql.functions.lit(null).cast("date"))
                .withColumn("last_purchase_date", org.apache.spark.sql.functions.lit(null).cast("date"))
                .withColumn("historical_revenue", org.apache.spark.sql.functions.lit(0))
                .withColumn("historical_margin", org.apache.spark.sql.functions.lit(0))
                .filter(col("x").isNotNull());
    }

    private static BandScheme bands() {
        return new BandScheme("value_band", "Value band", "clv", "CNY",
                List.of(new Band("all", "all", 1, null, null)));
    }

}
