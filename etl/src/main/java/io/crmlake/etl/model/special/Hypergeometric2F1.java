package io.crmlake.etl.model.special;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for real arguments and real z &lt; 1.
 *
 * <p>Definition (Abramowitz &amp; Stegun 15.1.1; DLMF 15.2.1): the power series
 * <pre>  2F1(a,b;c;z) = sum_{n&gt;=0} (a)_n (b)_n / (c)_n  z^n / n!</pre>
 * which converges for |z| &lt; 1 (c not a non-positive integer). Consecutive terms are obtained
 * from the ratio t_{n+1}/t_n = (a+n)(b+n) z / ((c+n)(n+1)).
 *
 * <p>Transformations used to stay inside the disc of convergence and to speed it up:
 * <ul>
 *   <li>z &lt; 0: Pfaff's transformation (A&amp;S 15.3.4; DLMF 15.8.1)
 *       2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), which maps every z in (-inf, 0)
 *       to w = z/(z-1) in (0, 1).</li>
 *   <li>z &gt; 1/2 and c-a-b &lt; 0: Euler's transformation (A&amp;S 15.3.3; DLMF 15.8.1)
 *       2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z). The terms of the original series
 *       behave like n^(a+b-c-1) z^n, those of the transformed one like n^(c-a-b-1) z^n, so the
 *       algebraic singularity at z = 1 is taken out in closed form and the remaining series
 *       decays faster.</li>
 * </ul>
 * z &gt;= 1 is rejected (the series diverges or the principal branch needs analytic continuation,
 * which the models here never need).
 */
public final class Hypergeometric2F1 {

    /** Upper bound on the number of series terms before giving up. */
    static final int MAX_TERMS = 20_000_000;
    private static final double EPS = 1e-16;

    private Hypergeometric2F1() {
    }

    /**
     * 2F1(a, b; c; z) for real z &lt; 1.
     *
     * @throws IllegalArgumentException if an argument is not finite, z &gt;= 1, or c is a
     *                                  non-positive integer
     * @throws ArithmeticException      if the series does not converge within {@value #MAX_TERMS} terms
     */
    public static double value(double a, double b, double c, double z) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(z)) {
            throw new IllegalArgumentException(
                    "2F1 needs finite arguments, got a=" + a + ", b=" + b + ", c=" + c + ", z=" + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer, c=" + c);
        }
        if (z >= 1) {
            throw new IllegalArgumentException("2F1 series needs z < 1, got z=" + z);
        }
        if (z == 0 || a == 0 || b == 0) {
            return 1.0;
        }
        if (z < 0) {
            // Pfaff (A&S 15.3.4): w = z/(z-1) lies in (0, 1).
            final double w = z / (z - 1);
            return Math.pow(1 - z, -a) * value(a, c - b, c, w);
        }
        if (z > 0.5 && c - a - b < 0 && !terminates(a, b)) {
            // Euler (A&S 15.3.3): the (1-z)^(c-a-b) singularity is taken out exactly.
            return Math.pow(1 - z, c - a - b) * series(c - a, c - b, c, z);
        }
        return series(a, b, c, z);
    }

    /** True when a or b is a non-positive integer: the series is then a polynomial. */
    private static boolean terminates(double a, double b) {
        return (a <= 0 && a == Math.rint(a)) || (b <= 0 && b == Math.rint(b));
    }

    /**
     * Direct summation for 0 &lt; z &lt; 1 (A&amp;S 15.1.1). Stops when the tail, bounded by a
     * geometric series with ratio q = max(|t_{n+1}/t_n|, z) (the ratio tends to z monotonically
     * for large n), is below EPS relative to the partial sum.
     */
    static double series(double a, double b, double c, double z) {
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAX_TERMS; n++) {
            final double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            sum += term;
            if (term == 0.0) {
                return sum; // terminating (polynomial) series
            }
            final double nextRatio = Math.abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2.0)) * z);
            final double q = Math.max(nextRatio, Math.abs(z));
            if (q < 1 && Math.abs(term) * q / (1 - q) <= EPS * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z
                + ") series did not converge in " + MAX_TERMS + " terms");
    }
}
