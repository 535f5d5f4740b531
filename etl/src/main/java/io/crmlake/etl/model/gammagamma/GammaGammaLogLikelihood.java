package io.crmlake.etl.model.gammagamma;

import java.util.Arrays;
import java.util.List;

import org.hipparchus.special.Gamma;

import io.crmlake.etl.model.fit.ChunkedSum;
import io.crmlake.etl.model.fit.LogLikelihood;

/**
 * Weighted Gamma-Gamma log-likelihood (Fader &amp; Hardie 2013, see
 * {@link GammaGammaModel#logLikelihood}) with its analytic gradient (psi = digamma):
 * d/dp = x [psi(px+q) - psi(px) + ln m + ln x - ln(gamma + m x)];
 * d/dq = psi(px+q) - psi(q) + ln gamma - ln(gamma + m x);
 * d/dgamma = q/gamma - (px+q)/(gamma + m x).
 *
 * <p>Cost per evaluation. Grouped by x, the log-likelihood is
 * sum_x [W_x (lnGamma(px+q) - lnGamma(px) - lnGamma(q) + q ln gamma + px ln x) + (px-1) S_x]
 * - sum_rows w (px+q) ln(gamma + m x), with W_x the weight and S_x = sum w ln m of the buyers with
 * that x, which do not depend on the parameters and are computed once. The special functions are
 * thus evaluated once per distinct x; each (x, m) row costs one log and one division, summed in
 * fixed chunks in parallel ({@link ChunkedSum}: the same bits on any number of cores).
 */
final class GammaGammaLogLikelihood implements LogLikelihood {

    private final double totalWeight;
    private final int[] frequency;
    private final double[] repeatSpend;
    private final double[] weight;
    private final int[] frequencies;
    private final double[] weightOfFrequency;
    private final double[] logSpendOfFrequency;

    GammaGammaLogLikelihood(SpendSummary data) {
        final int n = data.size();
        totalWeight = data.totalWeight();
        frequency = new int[n];
        repeatSpend = new double[n];
        weight = new double[n];
        for (int i = 0; i < n; i++) {
            frequency[i] = data.frequency(i);
            repeatSpend[i] = data.frequency(i) * data.meanSpend(i);
            weight[i] = data.weight(i);
        }
        frequencies = Arrays.stream(frequency).distinct().sorted().toArray();
        weightOfFrequency = new double[frequencies.length];
        logSpendOfFrequency = new double[frequencies.length];
        for (int i = 0; i < n; i++) {
            int j = Arrays.binarySearch(frequencies, frequency[i]);
            weightOfFrequency[j] += weight[i];
            logSpendOfFrequency[j] += weight[i] * Math.log(data.meanSpend(i));
        }
    }

    @Override
    public List<String> parameterNames() {
        return List.of("p", "q", "gamma");
    }

    @Override
    public double totalWeight() {
        return totalWeight;
    }

    @Override
    public double evaluate(double[] params, double[] gradient) {
        final double p = params[0];
        final double q = params[1];
        final double g = params[2];
        final double lnGammaQ = Gamma.logGamma(q);
        final double lnG = Math.log(g);
        final double psiQ = gradient == null ? 0 : Gamma.digamma(q);
        if (gradient != null) {
            Arrays.fill(gradient, 0.0);
        }
        double sum = 0;
        for (int j = 0; j < frequencies.length; j++) {
            final int x = frequencies[j];
            final double px = p * x;
            final double w = weightOfFrequency[j];
            final double lnX = Math.log(x);
            sum += w * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGammaQ + q * lnG + px * lnX)
                    + (px - 1) * logSpendOfFrequency[j];
            if (gradient != null) {
                final double psiPxq = Gamma.digamma(px + q);
                gradient[0] += x * (w * (psiPxq - Gamma.digamma(px) + lnX) + logSpendOfFrequency[j]);
                gradient[1] += w * (psiPxq - psiQ + lnG);
                gradient[2] += w * q / g;
            }
        }
        // The per-buyer part: -(px+q) ln(gamma + m x) and its derivatives.
        return sum + ChunkedSum.sum(frequency.length, gradient, (from, to, grad) -> {
            double part = 0;
            for (int i = from; i < to; i++) {
                final double x = frequency[i];
                final double w = weight[i];
                final double pxq = p * x + q;
                final double shifted = g + repeatSpend[i];
                final double logShifted = Math.log(shifted);
                part -= w * pxq * logShifted;
                if (grad != null) {
                    grad[0] -= w * x * logShifted;
                    grad[1] -= w * logShifted;
                    grad[2] -= w * pxq / shifted;
                }
            }
            return part;
        });
    }
}
