package io.crmlake.etl.model.fit;

import java.util.List;

/**
 * The outcome of a maximum-likelihood fit.
 *
 * @param model          the fitted model
 * @param parameterNames parameter names, in the order of the arrays
 * @param estimates      maximum-likelihood estimates (natural scale)
 * @param standardErrors asymptotic standard errors (natural scale), square roots of the diagonal of
 *                       {@code covariance}
 * @param covariance     inverse observed information on the natural scale
 * @param logLikelihood  the maximised log-likelihood
 * @param observations   total weight fitted (customers, or cohort members)
 * @param convergence    iterations, gradient norm, converged flag
 */
public record FitResult<M>(M model, List<String> parameterNames, double[] estimates, double[] standardErrors,
                           double[][] covariance, double logLikelihood, double observations,
                           ConvergenceReport convergence) {

    public FitResult {
        parameterNames = List.copyOf(parameterNames);
        estimates = estimates.clone();
        standardErrors = standardErrors.clone();
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < covariance.length; i++) {
            copy[i] = covariance[i].clone();
        }
        covariance = copy;
    }

    public double estimate(String name) {
        return estimates[index(name)];
    }

    public double standardError(String name) {
        return standardErrors[index(name)];
    }

    private int index(String name) {
        int i = parameterNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown parameter " + name + ", expected one of " + parameterNames);
        }
        return i;
    }

    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("FitResult{");
        for (int i = 0; i < estimates.length; i++) {
            s.append(parameterNames.get(i)).append('=').append(estimates[i])
                    .append(" (se ").append(standardErrors[i]).append("), ");
        }
        return s.append("LL=").append(logLikelihood).append(", n=").append(observations)
                .append(", ").append(convergence).append('}').toString();
    }
}
