package io.crmlake.etl.model.sbg;

import org.hipparchus.special.Beta;

import io.crmlake.etl.model.special.Hypergeometric2F1;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention, Fader &amp; Hardie (2007),
 * "How to project customer retention", Journal of Interactive Marketing 21(1), 76-90.
 *
 * <p>Each customer churns at the end of any period with probability theta ~ Beta(alpha, beta); T is the
 * period in which she churns (T = 1, 2, ...). Then (FH 2007):
 * P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta),
 * S(t) = P(T &gt; t) = B(alpha, beta+t) / B(alpha, beta),
 * and the retention rate in period t is r_t = S(t)/S(t-1) = (beta+t-1)/(alpha+beta+t-1).
 */
public record ShiftedBetaGeometricModel(double alpha, double beta) {

    public ShiftedBetaGeometricModel {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
    }

    /** ln P(T = t) = lnB(alpha+1, beta+t-1) - lnB(alpha, beta), t &gt;= 1. */
    public double logChurnProbability(int t) {
        requirePeriod(t, 1);
        return Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta);
    }

    /** P(T = t): probability of churning in period t &gt;= 1. */
    public double churnProbability(int t) {
        return Math.exp(logChurnProbability(t));
    }

    /** ln S(t) = lnB(alpha, beta+t) - lnB(alpha, beta), t &gt;= 0. */
    public double logSurvival(int t) {
        requirePeriod(t, 0);
        return t == 0 ? 0.0 : Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta);
    }

    /** S(t): probability of still being a customer after t periods. */
    public double survival(int t) {
        return Math.exp(logSurvival(t));
    }

    /** Retention rate in period t &gt;= 1: r_t = (beta + t - 1) / (alpha + beta + t - 1); increases with t. */
    public double retentionRate(int t) {
        requirePeriod(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /** Projected survivors of a cohort of the given size, S(0..periods) * size. */
    public double[] projectSurvivors(long cohortSize, int periods) {
        requirePeriod(periods, 0);
        double[] s = new double[periods + 1];
        for (int t = 0; t <= periods; t++) {
            s[t] = cohortSize * survival(t);
        }
        return s;
    }

    /**
     * Log-likelihood of a cohort's survivor curve (FH 2007, eq. 5):
     * LL = sum_{t=1}^{n} (S_{t-1} - S_t) ln P(T = t) + S_n ln S(n).
     */
    public double logLikelihood(SurvivorCurve curve) {
        double ll = 0;
        for (int t = 1; t <= curve.periods(); t++) {
            long lost = curve.churned(t);
            if (lost > 0) {
                ll += lost * logChurnProbability(t);
            }
        }
        long alive = curve.survivors(curve.periods());
        return alive > 0 ? ll + alive * logSurvival(curve.periods()) : ll;
    }

    /**
     * Discounted expected residual lifetime, Fader &amp; Hardie (2010), "Customer-base valuation in a
     * contractual setting: the perils of ignoring heterogeneity", Marketing Science 29(1), 85-93:
     * for a customer who has made n-1 renewals, evaluated just before her next renewal decision,
     * <pre>
     * DERL(d | alpha, beta, n-1 renewals) = sum_{t&gt;=n} S(t)/S(n-1) / (1+d)^(t-n)
     *     = (beta+n-1)/(alpha+beta+n-1) 2F1(1, beta+n; alpha+beta+n; 1/(1+d)).
     * </pre>
     * Multiply by the payment per period to get the residual lifetime value.
     *
     * @param discountRate d &gt; 0 per period
     * @param renewals     renewals made so far (n - 1 in the paper's notation), &gt;= 0
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
        if (!(discountRate > 0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discount rate per period must be finite and > 0, got " + discountRate);
        }
        requirePeriod(renewals, 0);
        final double c = beta + renewals;
        return c / (alpha + c) * Hypergeometric2F1.value(1, c + 1, alpha + c + 1, 1 / (1 + discountRate));
    }

    /**
     * The same discounted expected residual lifetime truncated to the next {@code periods} payments,
     * the finite part of the series above: sum_{j=0}^{periods-1} S(n+j)/S(n-1) / (1+d)^j with
     * n - 1 = renewals, S(n+j)/S(n-1) = prod_{i=n}^{n+j} r_i (retention rates, FH 2007 eq. 4).
     * It tends to {@link #discountedExpectedResidualLifetime} as periods grows, and allows d = 0.
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals, int periods) {
        if (!(discountRate >= 0) || !Double.isFinite(discountRate)) {
            throw new IllegalArgumentException("discount rate per period must be finite and >= 0, got " + discountRate);
        }
        requirePeriod(renewals, 0);
        requirePeriod(periods, 0);
        double survival = 1.0;
        double total = 0.0;
        for (int j = 0; j < periods; j++) {
            survival *= retentionRate(renewals + 1 + j);
            total += survival / Math.pow(1 + discountRate, j);
        }
        return total;
    }

    private static void requirePeriod(int t, int min) {
        if (t < min) {
            throw new IllegalArgumentException("period must be >= " + min + ", got " + t);
        }
    }
}
