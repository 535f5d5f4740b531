package io.crmlake.etl.model.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class MaximumLikelihoodTest {

    /**
     * n draws with sum s from an exponential distribution of rate lambda: logL = n ln(lambda) - lambda s.
     * MLE lambda = n/s, observed information n/lambda^2, so se = lambda/sqrt(n).
     */
    private static LogLikelihood exponential(double n, double s) {
        return new LogLikelihood() {
            @Override
            public List<String> parameterNames() {
                return List.of("lambda");
            }

            @Override
            public double totalWeight() {
                return n;
            }

            @Override
            public double evaluate(double[] p, double[] gradient) {
                if (gradient != null) {
                    gradient[0] = n / p[0] - s;
                }
                return n * Math.log(p[0]) - p[0] * s;
            }
        };
    }

    @Test
    void closedFormEstimateAndStandardError() {
        FitResult<Double> fit = MaximumLikelihood.fit(exponential(400, 100), new double[] {1.0}, FitOptions.DEFAULT,
                p -> p[0]);
        assertThat(fit.model()).isCloseTo(4.0, within(1e-6));
        assertThat(fit.standardError("lambda")).isCloseTo(4.0 / 20, within(1e-6));
        assertThat(fit.logLikelihood()).isCloseTo(400 * Math.log(4) - 400, within(1e-9));
        assertThat(fit.convergence().converged()).isTrue();
        assertThatThrownBy(() -> fit.estimate("mu")).hasMessageContaining("unknown parameter mu");
    }

    /** A parameter the likelihood does not depend on has zero information. */
    @Test
    void singularInformationIsReported() {
        LogLikelihood flat = new LogLikelihood() {
            @Override
            public List<String> parameterNames() {
                return List.of("lambda", "unused");
            }

            @Override
            public double totalWeight() {
                return 10;
            }

            @Override
            public double evaluate(double[] p, double[] gradient) {
                double[] g = gradient == null ? null : new double[1];
                double value = exponential(10, 5).evaluate(new double[] {p[0]}, g);
                if (gradient != null) {
                    gradient[0] = g[0];
                    gradient[1] = 0.0;
                }
                return value;
            }
        };
        assertThatThrownBy(() -> MaximumLikelihood.fit(flat, new double[] {2.0, 1.0}, FitOptions.DEFAULT, p -> p))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("not positive definite");
    }

    @Test
    void nonFiniteStartIsReported() {
        LogLikelihood broken = new LogLikelihood() {
            @Override
            public List<String> parameterNames() {
                return List.of("x");
            }

            @Override
            public double totalWeight() {
                return 1;
            }

            @Override
            public double evaluate(double[] p, double[] gradient) {
                return Double.NaN;
            }
        };
        assertThatThrownBy(() -> MaximumLikelihood.fit(broken, new double[] {1.0}, FitOptions.DEFAULT, p -> p))
                .isInstanceOf(ModelFitException.class).hasMessageContaining("non-finite log-likelihood");
    }
}
