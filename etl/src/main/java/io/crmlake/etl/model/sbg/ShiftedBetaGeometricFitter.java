package io.crmlake.etl.model.sbg;

import java.util.List;

import io.crmlake.etl.model.fit.FitOptions;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.fit.MaximumLikelihood;
import io.crmlake.etl.model.fit.ModelFitException;

/** Maximum-likelihood fit of the sBG model to one cohort's survivor curve (see {@link MaximumLikelihood}). */
public final class ShiftedBetaGeometricFitter {

    private final FitOptions options;

    public ShiftedBetaGeometricFitter() {
        this(FitOptions.DEFAULT);
    }

    public ShiftedBetaGeometricFitter(FitOptions options) {
        this.options = options;
    }

    /**
     * Fits alpha, beta from S_0..S_n (start alpha = beta = 1).
     *
     * @throws ModelFitException when the data put the maximum on the boundary: the whole cohort lost in
     *                           period 1 (beta -&gt; 0) or nobody lost at all (alpha -&gt; 0); or the fit fails
     */
    public FitResult<ShiftedBetaGeometricModel> fit(SurvivorCurve curve) {
        if (curve.survivors(1) == 0) {
            throw new ModelFitException("no survivors: all " + curve.cohortSize() + " customers of " + curve
                    + " were lost in period 1, so the sBG maximum lies on the boundary (beta -> 0)");
        }
        if (curve.survivors(curve.periods()) == curve.cohortSize()) {
            throw new ModelFitException("no churn in " + curve + ": the sBG maximum lies on the boundary (alpha -> 0)");
        }
        return MaximumLikelihood.fit(new ShiftedBetaGeometricLogLikelihood(curve), new double[] {1.0, 1.0}, options,
                p -> new ShiftedBetaGeometricModel(p[0], p[1]));
    }

    /**
     * Fits one alpha, beta to several cohorts at once (their log-likelihoods add up), for cohorts too
     * young or too small to be fitted alone. Cohorts whose own maximum lies on the boundary are
     * legitimate members of a pool.
     *
     * @throws ModelFitException when the pool has no churn at all or nobody survived period 1 in any
     *                           cohort, or the fit fails
     */
    public FitResult<ShiftedBetaGeometricModel> fitPooled(List<SurvivorCurve> curves) {
        if (curves.isEmpty()) {
            throw new ModelFitException("no cohort with a complete period to fit the sBG model on");
        }
        boolean anySurvivor = curves.stream().anyMatch(c -> c.survivors(1) > 0);
        boolean anyChurn = curves.stream().anyMatch(c -> c.survivors(c.periods()) < c.cohortSize());
        if (!anySurvivor) {
            throw new ModelFitException("no survivors in any of " + curves.size()
                    + " cohorts: everyone was lost in period 1, so the sBG maximum lies on the boundary (beta -> 0)");
        }
        if (!anyChurn) {
            throw new ModelFitException("no churn in any of " + curves.size()
                    + " cohorts: the sBG maximum lies on the boundary (alpha -> 0)");
        }
        return MaximumLikelihood.fit(new PooledSurvivorLogLikelihood(curves), new double[] {1.0, 1.0}, options,
                p -> new ShiftedBetaGeometricModel(p[0], p[1]));
    }
}
