package io.crmlake.etl.model.fit;

/**
 * How an optimisation ended.
 *
 * @param iterations   optimiser iterations used
 * @param evaluations  log-likelihood evaluations (value or gradient)
 * @param gradientNorm norm of the gradient of the per-observation negative log-likelihood with
 *                     respect to the log-parameters, at the returned point
 * @param converged    whether {@code gradientNorm} met the tolerance
 */
public record ConvergenceReport(int iterations, int evaluations, double gradientNorm, boolean converged) {
}
