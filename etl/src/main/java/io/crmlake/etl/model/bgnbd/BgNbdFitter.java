package io.crmlake.etl.model.bgnbd;

import io.crmlake.etl.model.fit.FitOptions;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.MaximumLikelihood;
import io.crmlake.etl.model.fit.ModelFitException;

/**
 * Maximum-likelihood estimation of {@link BgNbdModel} on compressed data ({@link RfmSummary}),
 * over log-parameters with analytic gradients (see {@link MaximumLikelihood}).
 */
public final class BgNbdFitter {

    private final FitOptions options;

    public BgNbdFitter() {
        this(FitOptions.DEFAULT);
    }

    public BgNbdFitter(FitOptions options) {
        this.options = options;
    }

    /**
     * Fits r, alpha, a, b. Start: r = 1 and alpha = 1 / (mean purchase rate) so that E[lambda] matches
     * the data, a = 0.5, b = 1.
     *
     * @throws ModelFitException if the fit fails (see {@link MaximumLikelihood#fit})
     */
    public FitResult<BgNbdModel> fit(RfmSummary data) {
        FitResult<BgNbdModel> fit = MaximumLikelihood.fit(new BgNbdLogLikelihood(data), start(data), options,
                p -> new BgNbdModel(p[0], p[1], p[2], p[3]));
        BgNbdModel m = fit.model();
        if (m.a() > MAX_DROPOUT_SHAPE || m.b() > MAX_DROPOUT_SHAPE) {
            // On the ridge a, b -> infinity the likelihood is flat to rounding: whether the optimiser
            // stops there or runs on depends on the last bits (it differed between days and weeks),
            // so a maximum out there is treated like one that was not reached.
            throw new ModelFitException("the dropout shapes ran off to a=" + m.a() + ", b=" + m.b()
                    + " (above " + MAX_DROPOUT_SHAPE + ": one dropout probability for everybody), so the spread of "
                    + "dropout probabilities is not identified");
        }
        return fit;
    }

    /**
     * Beyond this, the dropout beta is a point mass for any practical purpose (a + b &gt; 10^4 puts the
     * standard deviation of the dropout probability below 0.005) and the maximum is not identified.
     */
    static final double MAX_DROPOUT_SHAPE = 1e4;

    /**
     * The posterior mode under a weak log-normal prior on the dropout shapes a and b (see
     * {@link DropoutPrior}), for samples whose plain maximum lies on the boundary (a, b -&gt; infinity).
     * The reported log-likelihood is that of the data at the returned parameters; standard errors
     * come from the curvature of the log-posterior.
     *
     * @throws ModelFitException if this fit fails too
     */
    public FitResult<BgNbdModel> fitWithDropoutPrior(RfmSummary data) {
        FitResult<BgNbdModel> posterior = MaximumLikelihood.fit(new DropoutPrior(data), start(data), options,
                p -> new BgNbdModel(p[0], p[1], p[2], p[3]));
        double logL = new BgNbdLogLikelihood(data).evaluate(posterior.estimates(), null);
        return new FitResult<>(posterior.model(), posterior.parameterNames(), posterior.estimates(),
                posterior.standardErrors(), posterior.covariance(), logL, posterior.observations(),
                posterior.convergence());
    }

    private static double[] start(RfmSummary data) {
        if (data.size() == 0) {
            throw new ModelFitException("no customers to fit");
        }
        double purchases = 0;
        double exposure = 0;
        for (int i = 0; i < data.size(); i++) {
            purchases += data.count(i) * data.frequency(i);
            exposure += data.count(i) * data.age(i);
        }
        if (purchases == 0) {
            throw new ModelFitException("no repeat purchases among " + data.customers()
                    + " customers: BG/NBD is not identified");
        }
        double rate = purchases / exposure;
        return new double[] {1.0, 1.0 / rate, 0.5, 1.0};
    }
}
