package io.crmlake.etl.model.fit;

import java.util.List;

/**
 * A weighted log-likelihood over strictly positive model parameters, with its analytic gradient.
 * Implementations sum over compressed data (distinct observations times a count).
 */
public interface LogLikelihood {

    /** Parameter names, in the order used by {@link #evaluate}. */
    List<String> parameterNames();

    /** Sum of the observation weights (number of customers, or of cohort members). */
    double totalWeight();

    /**
     * The log-likelihood at {@code parameters} (all &gt; 0); when {@code gradient} is not null it
     * receives d logL / d parameter_i on the natural scale.
     */
    double evaluate(double[] parameters, double[] gradient);
}
