package io.crmlake.etl.model.special;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Hypergeometric2F1Test {

    private static void assertRelative(double actual, double expected, double tol) {
        assertThat(actual).isCloseTo(expected, within(tol * Math.max(1.0, Math.abs(expected))));
    }

    /** Abramowitz &amp; Stegun 15.1.3 (DLMF 15.4.1): 2F1(1,1;2;z) = -ln(1-z)/z. */
    @ParameterizedTest
    @ValueSource(doubles = {-0.99, -0.9, -0.5, -1e-3, 1e-6, 0.1, 0.5, 0.75, 0.9, 0.99, 0.999})
    void logarithmClosedForm(double z) {
        assertRelative(Hypergeometric2F1.value(1, 1, 2, z), -Math.log1p(-z) / z, 1e-12);
    }

    /** A&amp;S 15.1.3 with z -&gt; -z beyond the unit disc, reached through Pfaff: 2F1(1,1;2;-x) = ln(1+x)/x. */
    @ParameterizedTest
    @ValueSource(doubles = {1.5, 3, 10, 100})
    void logarithmForLargeNegativeArgument(double x) {
        assertRelative(Hypergeometric2F1.value(1, 1, 2, -x), Math.log1p(x) / x, 1e-12);
    }

    /** A&amp;S 15.1.8 (DLMF 15.4.6): 2F1(a,b;b;z) = (1-z)^(-a). */
    @ParameterizedTest
    @ValueSource(doubles = {-5, -0.7, -0.2, 0.3, 0.6, 0.95, 0.995})
    void binomialClosedForm(double z) {
        for (double a : new double[] {0.243, 1.5, 3.7}) {
            for (double b : new double[] {0.5, 2.426, 7}) {
                assertRelative(Hypergeometric2F1.value(a, b, b, z), Math.pow(1 - z, -a), 1e-12);
            }
        }
    }

    /** A&amp;S 15.1.6 (DLMF 15.4.4): 2F1(1/2,1/2;3/2;z^2) = arcsin(z)/z. */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.6, 0.8, 0.9, 0.99})
    void arcsineClosedForm(double z) {
        assertRelative(Hypergeometric2F1.value(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-12);
    }

    /** A&amp;S 15.1.5 (DLMF 15.4.3): 2F1(1/2,1;3/2;-z^2) = arctan(z)/z (negative argument, Pfaff). */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 1.5, 4})
    void arctangentClosedForm(double z) {
        assertRelative(Hypergeometric2F1.value(0.5, 1, 1.5, -z * z), Math.atan(z) / z, 1e-12);
    }

    /** A terminating series is a polynomial: 2F1(-2,b;c;z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1)). */
    @Test
    void polynomialCase() {
        double b = 1.3;
        double c = 2.2;
        double z = 0.97;
        double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
        assertRelative(Hypergeometric2F1.value(-2, b, c, z), expected, 1e-13);
    }

    @Test
    void rejectsArgumentsOutsideDomain() {
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z < 1");
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, -3, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-positive integer");
        assertThatThrownBy(() -> Hypergeometric2F1.value(Double.NaN, 1, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
