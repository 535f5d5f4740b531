package io.crmlake.etl.marts.clv;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.CalibratedBgNbd;
import io.crmlake.etl.model.clv.CustomerHistory;
import io.crmlake.etl.model.clv.DiscountedClv;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.clv.Span;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Scores one non-contractual customer from the fitted parameters; shipped to the executors as a
 * broadcast (plain numbers; the model objects are rebuilt there). Customer times arrive in whole
 * days and are converted with {@link Span}, so the unit the model was fitted in cannot leak into
 * the result: the same customer gets the same P(alive), purchases and CLV in any unit.
 */
final class BuyerScorer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** p_alive, expected_purchases_90d, expected_purchases_365d, expected_avg_spend, clv. */
    static final StructType SCORES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("p_alive", DataTypes.DoubleType, true),
            DataTypes.createStructField("expected_purchases_90d", DataTypes.DoubleType, true),
            DataTypes.createStructField("expected_purchases_365d", DataTypes.DoubleType, true),
            DataTypes.createStructField("expected_avg_spend", DataTypes.DoubleType, true),
            DataTypes.createStructField("clv", DataTypes.DoubleType, true)));

    private final double[] bgNbd;
    private final ModelTimeUnit unit;
    private final double[] gammaGamma;
    private final double annualRate;
    private final int horizonMonths;
    private transient CalibratedBgNbd transactions;
    private transient GammaGammaModel spend;
    private transient DiscountedClv clv;

    BuyerScorer(BgNbdModel bgNbd, ModelTimeUnit unit, GammaGammaModel gammaGamma, AnnualDiscountRate rate,
                int horizonMonths) {
        this.bgNbd = new double[] {bgNbd.r(), bgNbd.alpha(), bgNbd.a(), bgNbd.b()};
        this.unit = unit;
        this.gammaGamma = gammaGamma == null ? null : new double[] {gammaGamma.p(), gammaGamma.q(), gammaGamma.gamma()};
        this.annualRate = rate.annualRate();
        this.horizonMonths = horizonMonths;
    }

    /**
     * Builds the models once per deserialised copy. Synchronized because Spark may call one UDF
     * instance from several task threads of an executor: without it a second thread could see
     * {@code transactions} set but {@code clv} not yet (a NullPointerException seen in the tests).
     */
    private synchronized void init() {
        if (transactions == null) {
            CalibratedBgNbd bg = new CalibratedBgNbd(new BgNbdModel(bgNbd[0], bgNbd[1], bgNbd[2], bgNbd[3]), unit);
            if (gammaGamma != null) {
                spend = new GammaGammaModel(gammaGamma[0], gammaGamma[1], gammaGamma[2]);
                // Discounting per month: the horizon is a whole number of months in any unit.
                clv = new DiscountedClv(bg, spend, new AnnualDiscountRate(annualRate), Span.months(1));
            }
            transactions = bg;
        }
    }

    /** Expected repeat purchases of the customer in the next {@code horizon}. */
    double expectedPurchases(int x, int txDays, int tDays, Span horizon) {
        init();
        return finite(transactions.conditionalExpectedPurchases(history(x, txDays, tDays), horizon),
                "expected purchases", x, txDays, tDays);
    }

    /**
     * The scores of a customer; spend and CLV only when {@code spendUsable} (status ok).
     *
     * @throws IllegalStateException naming the customer's data when a model gives a non-finite value
     */
    Row score(int x, int txDays, int tDays, Double avgRepeatSpend, boolean spendUsable) {
        init();
        CustomerHistory customer = history(x, txDays, tDays);
        double pAlive = finite(transactions.probabilityAlive(customer), "P(alive)", x, txDays, tDays);
        double e90 = finite(transactions.conditionalExpectedPurchases(customer, Span.days(90)), "expected purchases",
                x, txDays, tDays);
        double e365 = finite(transactions.conditionalExpectedPurchases(customer, Span.days(365)), "expected purchases",
                x, txDays, tDays);
        Double expectedSpend = null;
        Double value = null;
        if (spendUsable && spend != null) {
            double m = x > 0 ? avgRepeatSpend : 0.0;
            expectedSpend = finite(spend.expectedAverageSpend(x, m), "expected spend", x, txDays, tDays);
            value = finite(clv.value(customer, m, Span.months(horizonMonths)), "CLV", x, txDays, tDays);
        }
        return RowFactory.create(pAlive, e90, e365, expectedSpend, value);
    }

    private static CustomerHistory history(int x, int txDays, int tDays) {
        return new CustomerHistory(x, Span.days(txDays), Span.days(tDays));
    }

    private static double finite(double v, String what, int x, int txDays, int tDays) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException("the model gave a non-finite " + what + " (" + v + ") for a customer with x="
                    + x + ", t_x=" + txDays + " days, T=" + tDays + " days; report this with the model run's parameters");
        }
        return v;
    }
}
