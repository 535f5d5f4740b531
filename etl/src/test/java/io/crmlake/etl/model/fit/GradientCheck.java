package io.crmlake.etl.model.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Test helper: compares an analytic log-likelihood gradient with central differences. */
public final class GradientCheck {

    private GradientCheck() {
    }

    public static void assertGradientMatches(LogLikelihood ll, double[] p, double relTol) {
        double[] analytic = new double[p.length];
        ll.evaluate(p, analytic);
        for (int i = 0; i < p.length; i++) {
            double h = 1e-6 * p[i];
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (ll.evaluate(plus, null) - ll.evaluate(minus, null)) / (2 * h);
            double scale = Math.max(1e-3 * Math.abs(ll.evaluate(p, null)) / p[i], Math.abs(numeric));
            assertThat(analytic[i]).as("d logL / d %s", ll.parameterNames().get(i))
                    .isCloseTo(numeric, within(relTol * scale));
        }
    }
}
