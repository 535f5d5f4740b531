package io.crmlake.etl.model.clv;

import java.util.Objects;

import io.crmlake.etl.model.gammagamma.GammaGammaModel;

/**
 * Customer lifetime value over a finite horizon from BG/NBD transactions and Gamma-Gamma spend,
 * in the spirit of Fader, Hardie &amp; Lee (2005), "RFM and CLV: using iso-value curves for customer base
 * analysis" (value = expected transactions x expected spend, discounted; spend independent of
 * transactions), in discrete periods:
 * <pre>
 * CLV = sum_{k=1}^{K} (E[Y(k P) | x, t_x, T] - E[Y((k-1) P) | x, t_x, T]) E(M | x, m) / (1 + d)^k
 * </pre>
 * with P the period length, K = horizon / P, E[Y(t) | ...] from BG/NBD eq. (10), E(M | x, m) from the
 * Gamma-Gamma model, and d the per-period rate from an annual rate. Purchases in period k are
 * discounted at its end. All lengths are {@link Span}s, so the result does not depend on the unit
 * the customer, the horizon or the model happen to be expressed in.
 */
public final class DiscountedClv {

    private final CalibratedBgNbd transactions;
    private final GammaGammaModel spend;
    private final AnnualDiscountRate rate;
    private final Span period;

    public DiscountedClv(CalibratedBgNbd transactions, GammaGammaModel spend, AnnualDiscountRate rate, Span period) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.spend = Objects.requireNonNull(spend, "spend");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.period = Objects.requireNonNull(period, "period");
        if (!(period.amount() > 0)) {
            throw new IllegalArgumentException("discounting period must be > 0, got " + period);
        }
    }

    /**
     * Discounted value of the customer over {@code horizon}, a whole number of periods.
     *
     * @param meanSpend the customer's mean repeat-transaction value (ignored when x = 0)
     * @throws IllegalArgumentException when the horizon is not a whole number of periods
     */
    public double value(CustomerHistory customer, double meanSpend, Span horizon) {
        final int periods = wholePeriods(horizon);
        final double d = rate.perPeriod(period);
        final double perTransaction = spend.expectedAverageSpend(customer.frequency(), meanSpend);
        double total = 0;
        double previous = 0;
        for (int k = 1; k <= periods; k++) {
            double cumulative = transactions.conditionalExpectedPurchases(customer, period.times(k));
            total += (cumulative - previous) / Math.pow(1 + d, k);
            previous = cumulative;
        }
        return total * perTransaction;
    }

    private int wholePeriods(Span horizon) {
        double k = horizon.in(period.unit()) / period.amount();
        long rounded = Math.round(k);
        if (Math.abs(k - rounded) > 1e-9 * Math.max(1, k) || rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("horizon " + horizon + " is not a whole number of periods of " + period
                    + " (" + k + ")");
        }
        return (int) rounded;
    }
}
