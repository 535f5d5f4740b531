package io.crmlake.etl.model.bgnbd;

import java.util.Arrays;
import java.util.List;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import io.crmlake.etl.model.fit.ChunkedSum;
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
 *
 * <p>Cost per evaluation. The special functions depend on x only, and ln(alpha + t) on a time only:
 * both are tabulated once per evaluation, over the distinct x and the distinct times of the data
 * (times are whole days in the mart, so a few hundred values however many customers there are).
 * What is left per tuple is one exp and one log, summed in fixed chunks in parallel
 * ({@link ChunkedSum}: the same bits on any number of cores).
 */
final class BgNbdLogLikelihood implements LogLikelihood {

    static final List<String> NAMES = List.of("r", "alpha", "a", "b");

    private final double customers;
    private final double[] count;
    /** Index of the row's x in {@link #frequencies}. */
    private final int[] frequencyOf;
    private final int[] frequencies;
    /** Distinct values of t_x and T together. */
    private final double[] times;
    private final int[] recencyOf;
    private final int[] ageOf;

    BgNbdLogLikelihood(RfmSummary data) {
        final int n = data.size();
        customers = data.customers();
        count = new double[n];
        frequencyOf = new int[n];
        recencyOf = new int[n];
        ageOf = new int[n];
        double[] allTimes = new double[2 * n];
        int[] allX = new int[n];
        for (int i = 0; i < n; i++) {
            count[i] = data.count(i);
            allX[i] = data.frequency(i);
            allTimes[2 * i] = data.recency(i);
            allTimes[2 * i + 1] = data.age(i);
        }
        frequencies = Arrays.stream(allX).distinct().sorted().toArray();
        times = Arrays.stream(allTimes).distinct().sorted().toArray();
        for (int i = 0; i < n; i++) {
            frequencyOf[i] = Arrays.binarySearch(frequencies, data.frequency(i));
            recencyOf[i] = Arrays.binarySearch(times, data.recency(i));
            ageOf[i] = Arrays.binarySearch(times, data.age(i));
        }
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public double totalWeight() {
        return customers;
    }

    @Override
    public double evaluate(double[] p, double[] gradient) {
        final Shared s = new Shared(p[0], p[1], p[2], p[3]);
        final boolean withGradient = gradient != null;
        final FrequencyTerms[] terms = new FrequencyTerms[frequencies.length];
        for (int j = 0; j < frequencies.length; j++) {
            terms[j] = new FrequencyTerms(s, frequencies[j], withGradient);
        }
        final double[] logAlphaPlus = new double[times.length];
        final double[] inverseAlphaPlus = withGradient ? new double[times.length] : null;
        for (int j = 0; j < times.length; j++) {
            logAlphaPlus[j] = Math.log(s.alpha + times[j]);
            if (withGradient) {
                inverseAlphaPlus[j] = 1.0 / (s.alpha + times[j]);
            }
        }
        if (withGradient) {
            Arrays.fill(gradient, 0.0);
        }
        return ChunkedSum.sum(count.length, gradient, (from, to, g) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                final FrequencyTerms f = terms[frequencyOf[i]];
                final double w = count[i];
                final int age = ageOf[i];
                final int recency = recencyOf[i];
                final double rx = s.r + f.x;
                final double l1 = f.lnB1 - rx * logAlphaPlus[age];
                if (f.x == 0) {
                    sum += w * (f.c + l1);
                    if (g != null) {
                        g[0] += w * (f.dcDr - logAlphaPlus[age]);
                        g[1] += w * (s.r / s.alpha - rx * inverseAlphaPlus[age]);
                        g[2] += w * f.dB1da;
                        g[3] += w * f.dB1db;
                    }
                    continue;
                }
                final double l2 = f.lnB2 - rx * logAlphaPlus[recency];
                // log(e^l1 + e^l2) = max + log(1 + e), e = e^-|l1 - l2| <= 1 the smaller term over the
                // larger. log(1 + e) instead of log1p(e): absolute error below 1e-16, and the JIT's
                // intrinsic log is several times faster than StrictMath's log1p.
                final double e = Math.exp(-Math.abs(l1 - l2));
                sum += w * (f.c + Math.max(l1, l2) + Math.log(1 + e));
                if (g != null) {
                    final double small = e / (1 + e);
                    final double w1 = l1 >= l2 ? 1 - small : small;
                    final double w2 = 1 - w1;
                    g[0] += w * (f.dcDr - w1 * logAlphaPlus[age] - w2 * logAlphaPlus[recency]);
                    g[1] += w * (s.r / s.alpha - rx * (w1 * inverseAlphaPlus[age] + w2 * inverseAlphaPlus[recency]));
                    g[2] += w * (w1 * f.dB1da + w2 * f.dB2da);
                    g[3] += w * (w1 * f.dB1db + w2 * f.dB2db);
                }
            }
            return sum;
        });
    }

    /** Log-likelihood of one customer (no gradient). */
    static double single(double r, double alpha, double a, double b, int x, double tx, double t) {
        Shared s = new Shared(r, alpha, a, b);
        FrequencyTerms f = new FrequencyTerms(s, x, false);
        final double l1 = f.lnB1 - (s.r + x) * Math.log(s.alpha + t);
        if (x == 0) {
            return f.c + l1;
        }
        final double l2 = f.lnB2 - (s.r + x) * Math.log(s.alpha + tx);
        return f.c + Math.max(l1, l2) + Math.log1p(Math.exp(-Math.abs(l1 - l2)));
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
