package io.crmlake.etl.model.sbg;

import java.util.List;

import io.crmlake.etl.model.fit.LogLikelihood;

/**
 * Several cohorts sharing one (alpha, beta): the cohorts are independent, so the log-likelihood and
 * its gradient are the sums of the cohorts' own (Fader &amp; Hardie 2007, eq. 5, per cohort).
 */
final class PooledSurvivorLogLikelihood implements LogLikelihood {

    private final List<ShiftedBetaGeometricLogLikelihood> cohorts;
    private final double weight;

    PooledSurvivorLogLikelihood(List<SurvivorCurve> curves) {
        this.cohorts = curves.stream().map(ShiftedBetaGeometricLogLikelihood::new).toList();
        this.weight = curves.stream().mapToDouble(SurvivorCurve::cohortSize).sum();
    }

    @Override
    public List<String> parameterNames() {
        return List.of("alpha", "beta");
    }

    @Override
    public double totalWeight() {
        return weight;
    }

    @Override
    public double evaluate(double[] p, double[] gradient) {
        double ll = 0;
        double[] g = gradient == null ? null : new double[2];
        if (gradient != null) {
            gradient[0] = 0;
            gradient[1] = 0;
        }
        for (ShiftedBetaGeometricLogLikelihood cohort : cohorts) {
            ll += cohort.evaluate(p, g);
            if (gradient != null) {
                gradient[0] += g[0];
                gradient[1] += g[1];
            }
        }
        return ll;
    }
}
