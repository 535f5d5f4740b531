package io.crmlake.etl.model.gammagamma;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of monetary value, Fader &amp; Hardie (2013), "The Gamma-Gamma model of
 * monetary value" (note), after Fader, Hardie &amp; Lee (2005), "RFM and CLV: using iso-value curves
 * for customer base analysis", JMR 42(4).
 *
 * <p>A customer's transaction values are Gamma(shape p, rate nu); across customers
 * nu ~ Gamma(shape q, rate gamma). Spend is assumed independent of the transaction process.
 *
 * @param p     shape of the transaction-value gamma
 * @param q     shape of the nu gamma (q &gt; 1 needed for expected spend to exist)
 * @param gamma rate of the nu gamma (in currency units)
 */
public record GammaGammaModel(double p, double q, double gamma) {

    public GammaGammaModel {
        requirePositive("p", p);
        requirePositive("q", q);
        requirePositive("gamma", gamma);
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    /**
     * Conditional expected average transaction value (Fader &amp; Hardie 2013; FHL 2005 "RFM and CLV"):
     * E(M | p, q, gamma, m, x) = (gamma + x m) p / (p x + q - 1).
     * For x = 0 this is the population mean p gamma / (q - 1).
     *
     * @throws IllegalStateException when q &lt;= 1 (the expectation does not exist)
     * @throws IllegalArgumentException when x &lt; 0, or x &gt; 0 with a non-positive mean spend
     */
    public double expectedAverageSpend(int x, double meanSpend) {
        requireMeanExists();
        if (x < 0) {
            throw new IllegalArgumentException("frequency x must be >= 0, got " + x);
        }
        if (x > 0 && (!(meanSpend > 0) || !Double.isFinite(meanSpend))) {
            throw new IllegalArgumentException("mean spend must be finite and > 0, got " + meanSpend);
        }
        final double m = x == 0 ? 0.0 : meanSpend;
        return (gamma + x * m) * p / (p * x + q - 1);
    }

    /** Population mean transaction value E(Z) = p gamma / (q - 1). @throws IllegalStateException when q &lt;= 1 */
    public double populationMeanSpend() {
        requireMeanExists();
        return p * gamma / (q - 1);
    }

    private void requireMeanExists() {
        if (!(q > 1)) {
            throw new IllegalStateException("Gamma-Gamma expected spend needs q > 1 (E[1/nu] = gamma/(q-1)), "
                    + "but q=" + q + ": the fitted spend distribution has no mean");
        }
    }

    /**
     * Log-likelihood of a repeat buyer (x &gt;= 1) with mean spend m (Fader &amp; Hardie 2013, the density
     * of the mean of x transactions after integrating nu out):
     * L = Gamma(p x + q) / (Gamma(p x) Gamma(q)) gamma^q m^(p x - 1) x^(p x) / (gamma + m x)^(p x + q).
     */
    public double logLikelihood(int x, double meanSpend) {
        if (x < 1) {
            throw new IllegalArgumentException("Gamma-Gamma likelihood needs x >= 1, got " + x);
        }
        if (!(meanSpend > 0)) {
            throw new IllegalArgumentException("mean spend must be > 0, got " + meanSpend);
        }
        final double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(meanSpend) + px * Math.log(x) - (px + q) * Math.log(gamma + meanSpend * x);
    }
}
