package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.col;

import io.crmlake.etl.model.bgnbd.BgNbdFitter;
import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.bgnbd.RfmSummary;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.clv.Span;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.ModelFitException;
import io.crmlake.etl.model.gammagamma.GammaGammaFitter;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import io.crmlake.etl.model.gammagamma.SpendSummary;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits BG/NBD and Gamma-Gamma on the driver from compressed data: the executors reduce the
 * customers to distinct (x, t_x, T) day tuples and (x, m) pairs with counts, which is all the
 * likelihoods need (a million customers with whole-day times make a few tens of thousands of tuples).
 */
public final class BuyerModels {

    private BuyerModels() {}

    /**
     * A fit with its wall time, the size of the compressed data, for spend the correlation of x and m
     * among repeat buyers (the Gamma-Gamma model assumes it near 0; null when undefined), and how it
     * was obtained: status "ok" (maximum likelihood) or {@value #DROPOUT_PRIOR} with the reason in detail.
     */
    public record Timed<M>(FitResult<M> fit, double seconds, long distinctRows, Double frequencySpendCorrelation,
                           String status, String detail) {
    }

    /** Status of a BG/NBD fit that fell back to the dropout prior. */
    public static final String DROPOUT_PRIOR = "dropout_prior";

    /**
     * BG/NBD on customers with a first purchase (columns x, t_x_days, t_days), times in {@code unit}.
     * When maximum likelihood does not converge the run fails with the reason and what to do, unless
     * {@code dropoutPrior} (clv.yml {@code bgnbd.dropout_prior}) allows the posterior mode under a weak
     * prior on ln a, ln b, recorded as status {@value #DROPOUT_PRIOR} with the reason in detail.
     *
     * @throws ModelFitException when the fit fails and the prior is not allowed, or fails too
     */
    static Timed<BgNbdModel> fitTransactions(Dataset<Row> summaryDf, ModelTimeUnit unit, boolean dropoutPrior) {
        List<Row> tuples = summaryDf
                .filter(col("x").isNotNull())
                .groupBy("x", "t_x_days", "t_days")
                .count()
                .collectAsList();
        long start = System.nanoTime();
        RfmSummary.Builder data = RfmSummary.builder();
        for (Row t : tuples) {
            data.add(t.getInt(0), Span.days(t.getInt(1)).in(unit), Span.days(t.getInt(2)).in(unit), t.getLong(3));
        }
        RfmSummary rfm = data.build();
        BgNbdFitter fitter = new BgNbdFitter();
        try {
            return new Timed<>(fitter.fit(rfm), (System.nanoTime() - start) / 1e9, tuples.size(), null, "ok", null);
        } catch (ModelFitException e) {
            if (!dropoutPrior) {
                throw new ModelFitException("BG/NBD maximum likelihood failed on " + Math.round(rfm.customers())
                        + " customers (" + e.getMessage() + "). This usually means the history is too short or too "
                        + "small to tell the customers' dropout probabilities apart; load more history, or set "
                        + "bgnbd.dropout_prior: true in clv.yml to accept the posterior mode under a weak prior on "
                        + "a and b (recorded as status dropout_prior in mart_clv_model_run)", e);
            }
            // Opted in: refit with the weak prior and say so in the model run; if that fails too,
            // the run fails with this second reason.
            FitResult<BgNbdModel> fit = fitter.fitWithDropoutPrior(rfm);
            return new Timed<>(fit, (System.nanoTime() - start) / 1e9, tuples.size(), null, DROPOUT_PRIOR,
                    "maximum likelihood failed (" + e.getMessage() + "); posterior mode with ln a, ln b ~ N(0, 1)");
        }
    }

    /** Gamma-Gamma on repeat buyers whose spend is usable (status ok, x &gt; 0). */
    static Timed<GammaGammaModel> fitSpend(Dataset<Row> summaryDf) {
        List<Row> pairs = summaryDf
                .filter(col("status").equalTo(PurchaseSummary.OK).and(col("x").gt(0)))
                .groupBy("x", "avg_repeat_spend")
                .count()
                .collectAsList();
        long start = System.nanoTime();
        SpendSummary.Builder data = SpendSummary.builder();
        for (Row p : pairs) {
            data.add(p.getInt(0), p.getDouble(1), p.getLong(2));
        }
        SpendSummary spend = data.build();
        FitResult<GammaGammaModel> fit = new GammaGammaFitter().fit(spend);
        double correlation = spend.frequencySpendCorrelation();
        return new Timed<>(fit, (System.nanoTime() - start) / 1e9, pairs.size(),
                Double.isFinite(correlation) ? correlation : null, "ok", null);
    }
}
