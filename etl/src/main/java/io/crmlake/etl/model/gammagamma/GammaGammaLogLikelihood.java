package io.crmlake.etl.model.gammagamma;

import java.util.List;

import org.hipparchus.special.Gamma;

import io.crmlake.etl.model.fit.LogLikelihood;

/**
 * Weighted Gamma-Gamma log-likelihood (Fader &amp; Hardie 2013, see
 * {@link GammaGammaModel#logLikelihood}) with its analytic gradient (psi = digamma):
 * d/dp = x [psi(px+q) - psi(px) + ln m + ln x - ln(gamma + m x)];
 * d/dq = psi(px+q) - psi(q) + ln gamma - ln(gamma + m x);
 * d/dgamma = q/gamma - (px+q)/(gamma + m x).
 */
final class GammaGammaLogLikelihood implements LogLikelihood {

    private final SpendSummary data;

    GammaGammaLogLikelihood(SpendSummary data) {
        this.data = data;
    }

    @Override
    public List<String> parameterNames() {
        return List.of("p", "q", "gamma");
    }

    @Override
    public double totalWeight() {
        return data.totalWeight();
    }

    @Override
    public double evaluate(double[] params, double[] gradient) {
        final double p = params[0];
        final double q = params[1];
        final double g = params[2];
        final GammaGammaModel model = new GammaGammaModel(p, q, g);
        final double psiQ = gradient == null ? 0 : Gamma.digamma(q);
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            final int x = data.frequency(i);
            final double m = data.meanSpend(i);
            final double w = data.weight(i);
            sum += w * model.logLikelihood(x, m);
            if (gradient != null) {
                final double px = p * x;
                final double psiPxq = Gamma.digamma(px + q);
                final double logGmx = Math.log(g + m * x);
                gradient[0] += w * x * (psiPxq - Gamma.digamma(px) + Math.log(m) + Math.log(x) - logGmx);
                gradient[1] += w * (psiPxq - psiQ + Math.log(g) - logGmx);
                gradient[2] += w * (q / g - (px + q) / (g + m * x));
            }
        }
        return sum;
    }
}
