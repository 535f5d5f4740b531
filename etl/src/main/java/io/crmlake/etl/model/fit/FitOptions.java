package io.crmlake.etl.model.fit;

/**
 * Stopping rules of a maximum-likelihood fit.
 *
 * @param maxIterations         conjugate-gradient iterations before giving up
 * @param gradientTolerance     convergence when the Euclidean norm of the gradient of the
 *                              per-observation negative log-likelihood with respect to the
 *                              log-parameters is at most this
 * @param failOnNonConvergence  throw {@link ModelFitException} (default) rather than returning a
 *                              result flagged not converged
 * @param newtonSteps           plain Newton steps allowed after a conjugate-gradient stage that
 *                              stopped short of the tolerance (see {@link MaximumLikelihood});
 *                              0 reports such a fit as not converged
 */
public record FitOptions(int maxIterations, double gradientTolerance, boolean failOnNonConvergence, int newtonSteps) {

    public static final FitOptions DEFAULT = new FitOptions(2000, 1e-6, true, 50);

    public FitOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(gradientTolerance > 0)) {
            throw new IllegalArgumentException("gradientTolerance must be > 0, got " + gradientTolerance);
        }
        if (newtonSteps < 0) {
            throw new IllegalArgumentException("newtonSteps must be >= 0, got " + newtonSteps);
        }
    }

    public FitOptions withMaxIterations(int iterations) {
        return new FitOptions(iterations, gradientTolerance, failOnNonConvergence, newtonSteps);
    }

    public FitOptions withGradientTolerance(double tolerance) {
        return new FitOptions(maxIterations, tolerance, failOnNonConvergence, newtonSteps);
    }

    public FitOptions withFailOnNonConvergence(boolean fail) {
        return new FitOptions(maxIterations, gradientTolerance, fail, newtonSteps);
    }

    public FitOptions withNewtonSteps(int steps) {
        return new FitOptions(maxIterations, gradientTolerance, failOnNonConvergence, steps);
    }
}
