package io.crmlake.etl.model.bgnbd;

import java.util.List;

import io.crmlake.etl.model.fit.LogLikelihood;

/**
 * The BG/NBD log-likelihood plus a weakly informative log-normal prior on the dropout shapes,
 * ln a ~ N(0, 1) and ln b ~ N(0, 1): log-posterior = logL - (ln a)^2 / 2 - (ln b)^2 / 2.
 *
 * <p>Why: on small samples the likelihood can keep rising as a and b grow together (the dropout
 * beta collapsing to a point mass a/(a+b): every customer with the same dropout probability), so
 * the maximum lies on the boundary and the Hessian is singular. The prior keeps a and b finite
 * there and is negligible once the data identify them (it adds at most a constant per parameter
 * to a log-likelihood summed over all customers). a and b are unit-free, so the estimate stays
 * equivariant in the time unit. This is a posterior mode (MAP), not an MLE; callers label it so.
 */
final class DropoutPrior implements LogLikelihood {

    private final BgNbdLogLikelihood likelihood;

    DropoutPrior(RfmSummary data) {
        this.likelihood = new BgNbdLogLikelihood(data);
    }

    @Override
    public List<String> parameterNames() {
        return likelihood.parameterNames();
    }

    @Override
    public double totalWeight() {
        return likelihood.totalWeight();
    }

    @Override
    public double evaluate(double[] p, double[] gradient) {
        double ll = likelihood.evaluate(p, gradient);
        double lnA = Math.log(p[2]);
        double lnB = Math.log(p[3]);
        if (gradient != null) {
            gradient[2] -= lnA / p[2];
            gradient[3] -= lnB / p[3];
        }
        return ll - 0.5 * lnA * lnA - 0.5 * lnB * lnB;
    }
}
