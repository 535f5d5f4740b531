package io.crmlake.etl.model.bgnbd;

import java.util.List;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import io.crmlake.etl.model.fit.LogLikelihood;

/**
 * BG/NBD log-likelihood and its analytic gradient over compressed (x, t_x, T, count) data.
 *
 * <p>Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way", eq. (6):
 * <pre>
 * L = Gamma(r+x) alpha^r / Gamma(r) * [ B(a, b+x)/B(a,b) (alpha+T)^-(r+x)
 *                                      + delta(x&gt;0) B(a+1, b+x-1)/B(a,b) (alpha+t_x)^-(r+x) ]
 * </pre>
 * evaluated in log space as in Hardie's note "Implementing the BG/NBD model in Excel":
 * ln L = C + ln(exp(l1) + delta exp(l2)) with
 * C = lnGamma(r+x) - lnGamma(r) + r ln alpha,
 * l1 = lnB(a, b+x) - lnB(a,b) - (r+x) ln(alpha+T),
 * l2 = lnB(a+1, b+x-1) - lnB(a,b) - (r+x) ln(alpha+t_x),
 * the bracket being a log-sum-exp, so that large x or T never overflow.
 *
 * <p>Gradient (psi = digamma), with w1, w2 the softmax weights of l1, l2:
 * d/dr = psi(r+x) - psi(r) + ln alpha - w1 ln(alpha+T) - w2 ln(alpha+t_x);
 * d/dalpha = r/alpha - (r+x) (w1/(alpha+T) + w2/(alpha+t_x));
 * d/da = w1 (psi(a+b) - psi(a+b+x)) + w2 (1/a + psi(a+b) - psi(a+b+x));
 * d/db = w1 (psi(b+x) - psi(b) + psi(a+b) - psi(a+b+x)) + w2 (psi(b+x-1) - psi(b) + psi(a+b) - psi(a+b+x)).
 * Rows are sorted by x, so the x-dependent special functions are evaluated once per distinct x.
 */
final class BgNbdLogLikelihood implements LogLikelihood {

    static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    private final RfmSummary data;

    BgNbdLogLikelihood(RfmSummary data) {
        this.data = data;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double totalWeight() {
        return data.customers();
    }

    @Override
    public double evaluate(double[] p, double[] gradient) {
        final Shared s = new Shared(p[0], p[1], p[2], p[3]);
        final double[] rowGradient = gradient == null ? null : new double[4];
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        double sum = 0;
        FrequencyTerms terms = null;
        for (int i = 0; i < data.size(); i++) {
            int x = data.frequency(i);
            if (terms == null || terms.x != x) {
                terms = new FrequencyTerms(s, x, gradient != null);
            }
            double w = data.count(i);
            sum += w * row(s, terms, data.recency(i), data.age(i), rowGradient);
            if (gradient != null) {
                for (int k = 0; k < 4; k++) {
                    gradient[k] += w * rowGradient[k];
                }
            }
        }
        return sum;
    }

    /** Log-likelihood of one customer (no gradient). */
    static double single(double r, double alpha, double a, double b, int x, double tx, double t) {
        Shared s = new Shared(r, alpha, a, b);
        return row(s, new FrequencyTerms(s, x, false), tx, t, null);
    }

    private static double row(Shared s, FrequencyTerms f, double tx, double t, double[] grad) {
        final double logAlphaT = Math.log(s.alpha + t);
        final double l1 = f.lnB1 - (s.r + f.x) * logAlphaT;
        if (f.x == 0) {
            if (grad != null) {
                grad[0] = f.dcDr - logAlphaT;
                grad[1] = s.r / s.alpha - (s.r + f.x) / (s.alpha + t);
                grad[2] = f.dB1da;
                grad[3] = f.dB1db;
            }
            return f.c + l1;
        }
        final double logAlphaTx = Math.log(s.alpha + tx);
        final double l2 = f.lnB2 - (s.r + f.x) * logAlphaTx;
        final double m = Math.max(l1, l2);
        final double e1 = Math.exp(l1 - m);
        final double e2 = Math.exp(l2 - m);
        final double total = e1 + e2;
        if (grad != null) {
            final double w1 = e1 / total;
            final double w2 = e2 / total;
            grad[0] = f.dcDr - w1 * logAlphaT - w2 * logAlphaTx;
            grad[1] = s.r / s.alpha - (s.r + f.x) * (w1 / (s.alpha + t) + w2 / (s.alpha + tx));
            grad[2] = w1 * f.dB1da + w2 * f.dB2da;
            grad[3] = w1 * f.dB1db + w2 * f.dB2db;
        }
        return f.c + m + Math.log(total);
    }

    /** Terms depending only on the parameters. */
    private static final class Shared {
        final double r;
        final double alpha;
        final double a;
        final double b;
        final double lnBab;
        final double lnGammaR;
        final double lnAlpha;

        Shared(double r, double alpha, double a, double b) {
            this.r = r;
            this.alpha = alpha;
            this.a = a;
            this.b = b;
            this.lnBab = Beta.logBeta(a, b);
            this.lnGammaR = Gamma.logGamma(r);
            this.lnAlpha = Math.log(alpha);
        }
    }

    /** Terms depending on the parameters and x only. */
    private static final class FrequencyTerms {
        final int x;
        final double c;
        final double lnB1;
        final double lnB2;
        double dcDr;
        double dB1da;
        double dB1db;
        double dB2da;
        double dB2db;

        FrequencyTerms(Shared s, int x, boolean withGradient) {
            this.x = x;
            this.c = Gamma.logGamma(s.r + x) - s.lnGammaR + s.r * s.lnAlpha;
            this.lnB1 = Beta.logBeta(s.a, s.b + x) - s.lnBab;
            this.lnB2 = x > 0 ? Beta.logBeta(s.a + 1, s.b + x - 1) - s.lnBab : Double.NEGATIVE_INFINITY;
            if (withGradient) {
                final double psiAb = Gamma.digamma(s.a + s.b);
                final double psiAbx = Gamma.digamma(s.a + s.b + x);
                final double psiB = Gamma.digamma(s.b);
                dcDr = Gamma.digamma(s.r + x) - Gamma.digamma(s.r) + s.lnAlpha;
                dB1da = psiAb - psiAbx;
                dB1db = Gamma.digamma(s.b + x) - psiB + psiAb - psiAbx;
                if (x > 0) {
                    dB2da = 1.0 / s.a + psiAb - psiAbx;
                    dB2db = Gamma.digamma(s.b + x - 1) - psiB + psiAb - psiAbx;
                }
            }
        }
    }
}
