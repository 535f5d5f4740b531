package io.crmlake.etl.model.sbg;

import java.util.List;

import org.hipparchus.special.Gamma;

import io.crmlake.etl.model.fit.LogLikelihood;

/**
 * sBG survivor-curve log-likelihood ({@link ShiftedBetaGeometricModel#logLikelihood}) and its gradient:
 * d ln P(T=t)/d alpha = psi(alpha+1) - psi(alpha) + psi(alpha+beta) - psi(alpha+beta+t),
 * d ln P(T=t)/d beta  = psi(beta+t-1) - psi(beta) + psi(alpha+beta) - psi(alpha+beta+t),
 * d ln S(t)/d alpha   = psi(alpha+beta) - psi(alpha+beta+t),
 * d ln S(t)/d beta    = psi(beta+t) - psi(beta) + psi(alpha+beta) - psi(alpha+beta+t).
 */
final class ShiftedBetaGeometricLogLikelihood implements LogLikelihood {

    private final SurvivorCurve curve;

    ShiftedBetaGeometricLogLikelihood(SurvivorCurve curve) {
        this.curve = curve;
    }

    @Override
    public List<String> parameterNames() {
        return List.of("alpha", "beta");
    }

    @Override
    public double totalWeight() {
        return curve.cohortSize();
    }

    @Override
    public double evaluate(double[] p, double[] gradient) {
        final double alpha = p[0];
        final double beta = p[1];
        final double ll = new ShiftedBetaGeometricModel(alpha, beta).logLikelihood(curve);
        if (gradient != null) {
            final double psiAb = Gamma.digamma(alpha + beta);
            final double psiB = Gamma.digamma(beta);
            double ga = 0;
            double gb = 0;
            for (int t = 1; t <= curve.periods(); t++) {
                long lost = curve.churned(t);
                if (lost > 0) {
                    double psiAbt = Gamma.digamma(alpha + beta + t);
                    ga += lost * (1.0 / alpha + psiAb - psiAbt); // psi(alpha+1) - psi(alpha) = 1/alpha
                    gb += lost * (Gamma.digamma(beta + t - 1) - psiB + psiAb - psiAbt);
                }
            }
            int n = curve.periods();
            long alive = curve.survivors(n);
            if (alive > 0) {
                double psiAbn = Gamma.digamma(alpha + beta + n);
                ga += alive * (psiAb - psiAbn);
                gb += alive * (Gamma.digamma(beta + n) - psiB + psiAb - psiAbn);
            }
            gradient[0] = ga;
            gradient[1] = gb;
        }
        return ll;
    }
}
