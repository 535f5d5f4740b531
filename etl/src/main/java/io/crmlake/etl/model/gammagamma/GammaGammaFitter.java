package io.crmlake.etl.model.gammagamma;

import io.crmlake.etl.model.fit.FitOptions;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.MaximumLikelihood;
import io.crmlake.etl.model.fit.ModelFitException;

/** Maximum-likelihood fit of {@link GammaGammaModel} on repeat buyers (see {@link MaximumLikelihood}). */
public final class GammaGammaFitter {

    private final FitOptions options;

    public GammaGammaFitter() {
        this(FitOptions.DEFAULT);
    }

    public GammaGammaFitter(FitOptions options) {
        this.options = options;
    }

    /**
     * Fits p, q, gamma. Start: p = 1, q = 2 and gamma = weighted mean spend, which makes the implied
     * population mean p gamma / (q - 1) equal the sample mean.
     * The frequency/spend correlation the model assumes to be zero is
     * {@link SpendSummary#frequencySpendCorrelation()}.
     *
     * @throws ModelFitException when there are no repeat buyers or the fit fails
     */
    public FitResult<GammaGammaModel> fit(SpendSummary data) {
        if (data.size() < 2) {
            throw new ModelFitException("Gamma-Gamma needs repeat buyers (x >= 1) with at least 2 different "
                    + "(x, mean spend) pairs, got " + Math.round(data.totalWeight()) + " repeat buyers in "
                    + data.size() + " pair(s)");
        }
        double mean = 0;
        for (int i = 0; i < data.size(); i++) {
            mean += data.weight(i) * data.meanSpend(i);
        }
        mean /= data.totalWeight();
        return MaximumLikelihood.fit(new GammaGammaLogLikelihood(data), new double[] {1.0, 2.0, mean}, options,
                p -> new GammaGammaModel(p[0], p[1], p[2]));
    }
}
