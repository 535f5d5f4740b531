package io.crmlake.etl.model.bgnbd;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import io.crmlake.etl.model.special.Hypergeometric2F1;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "'Counting your customers' the easy way: an
 * alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284.
 *
 * <p>While active, a customer buys as a Poisson process of rate lambda ~ Gamma(shape r, rate alpha);
 * after each purchase she drops out with probability p ~ Beta(a, b). Times (t, t_x, T) are in the
 * unit the parameters were fitted in; alpha carries that unit (see
 * {@link io.crmlake.etl.model.clv.CalibratedBgNbd} for explicit time units).
 *
 * @param r     shape of the purchase-rate gamma
 * @param alpha rate (inverse scale) of the purchase-rate gamma, in time units
 * @param a     first shape of the dropout beta
 * @param b     second shape of the dropout beta
 */
public record BgNbdModel(double r, double alpha, double a, double b) {

    public BgNbdModel {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /** Individual log-likelihood, eq. (6), in the overflow-free log-sum-exp form (see {@link BgNbdLogLikelihood}). */
    public double logLikelihood(int x, double tx, double t) {
        checkCustomer(x, tx, t);
        return BgNbdLogLikelihood.single(r, alpha, a, b, x, tx, t);
    }

    /**
     * P(alive | x, t_x, T) = 1 / (1 + delta(x&gt;0) a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)),
     * Fader, Hardie &amp; Lee (2005) appendix / the note "Computing P(alive) using the BG/NBD model";
     * the power is taken in log space.
     */
    public double probabilityAlive(int x, double tx, double t) {
        checkCustomer(x, tx, t);
        if (x == 0) {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.exp(logOddsDead(x, tx, t)));
    }

    /** ln of a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x), for x &gt; 0. */
    private double logOddsDead(int x, double tx, double t) {
        return Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + t) - Math.log(alpha + tx));
    }

    /**
     * Expected purchases in (T, T+t] given (x, t_x, T), eq. (10):
     * <pre>
     * E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
     *                        2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
     *                       / (1 + delta(x&gt;0) a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
     * </pre>
     *
     * @throws IllegalStateException when a == 1 (removable singularity of eq. 10, not handled)
     */
    public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        checkCustomer(x, tx, age);
        checkHorizon(t);
        requireANotOne();
        if (t == 0) {
            return 0.0;
        }
        final double z = t / (alpha + age + t);
        final double power = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t)));
        final double bracket = 1.0 - power * Hypergeometric2F1.value(r + x, b + x, a + b + x - 1, z);
        final double numerator = (a + b + x - 1) / (a - 1) * bracket;
        if (x == 0) {
            return numerator;
        }
        return numerator / (1.0 + Math.exp(logOddsDead(x, tx, age)));
    }

    /**
     * Expected purchases of a new customer in (0, t], eq. (9):
     * E[X(t)] = (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))].
     */
    public double expectedPurchases(double t) {
        checkHorizon(t);
        requireANotOne();
        if (t == 0) {
            return 0.0;
        }
        final double power = Math.pow(alpha / (alpha + t), r);
        return (a + b - 1) / (a - 1) * (1.0 - power * Hypergeometric2F1.value(r, b, a + b - 1, t / (alpha + t)));
    }

    /**
     * P(X(t) = n), eq. (8):
     * <pre>
     * P(X(t)=n) = B(a, b+n)/B(a,b) Gamma(r+n)/(Gamma(r) n!) (alpha/(alpha+t))^r (t/(alpha+t))^n
     *           + delta(n&gt;0) B(a+1, b+n-1)/B(a,b) [1 - (alpha/(alpha+t))^r
     *                sum_{j=0}^{n-1} Gamma(r+j)/(Gamma(r) j!) (t/(alpha+t))^j]
     * </pre>
     * The first term is evaluated in log space. The bracket is the upper tail P(N &gt;= n) of a negative
     * binomial with shape r and success probability alpha/(alpha+t); instead of 1 - (partial sum),
     * which loses all digits when the tail is small, it is computed as the regularized incomplete beta
     * I_{t/(alpha+t)}(n, r) (the standard negative-binomial/beta identity, e.g. Johnson, Kemp &amp; Kotz,
     * "Univariate Discrete Distributions", 3rd ed., chapter 5); checked against the finite sum in the tests.
     */
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("number of purchases must be >= 0, got " + n);
        }
        checkHorizon(t);
        if (t == 0) {
            return n == 0 ? 1.0 : 0.0;
        }
        final double lnBab = Beta.logBeta(a, b);
        final double logP = Math.log(alpha / (alpha + t));
        final double logQ = Math.log(t / (alpha + t));
        final double first = Math.exp(Beta.logBeta(a, b + n) - lnBab + Gamma.logGamma(r + n) - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0) + r * logP + n * logQ);
        if (n == 0) {
            return first;
        }
        final double tail = Beta.regularizedBeta(t / (alpha + t), n, r);
        return first + Math.exp(Beta.logBeta(a + 1, b + n - 1) - lnBab) * tail;
    }

    private void requireANotOne() {
        if (a == 1.0) {
            throw new IllegalStateException("a = 1 is a removable singularity of BG/NBD eqs. (9)-(10); not supported");
        }
    }

    private static void checkHorizon(double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("horizon t must be finite and >= 0, got " + t);
        }
    }

    private static void checkCustomer(int x, double tx, double t) {
        if (x < 0) {
            throw new IllegalArgumentException("frequency x must be >= 0, got " + x);
        }
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("age T must be finite and > 0, got " + t);
        }
        if (!(tx >= 0) || tx > t) {
            throw new IllegalArgumentException("recency t_x must be in [0, T=" + t + "], got " + tx);
        }
    }
}
