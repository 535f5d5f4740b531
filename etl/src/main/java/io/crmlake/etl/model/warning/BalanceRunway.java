package io.crmlake.etl.model.warning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Days a prepaid balance lasts at the current burn rate: balance ÷ (spend in the period ÷ days
 * in the period). With monthly billing the period is the month the balance closes, so the
 * "mean daily spend of the last 30 days" of warnings.yml is the month's bill over its days.
 */
public final class BalanceRunway {

    private BalanceRunway() {}

    /**
     * @return the days left, exact to 16 significant digits; empty when nothing was spent (no
     *     burn: the balance never runs out, which is not a warning and not a NaN); 0 when the
     *     balance is already used up
     */
    public static Optional<BigDecimal> daysLeft(BigDecimal balance, BigDecimal spendInPeriod, int daysInPeriod) {
        if (balance == null || spendInPeriod == null || spendInPeriod.signum() <= 0) {
            return Optional.empty();
        }
        if (daysInPeriod <= 0) {
            throw new IllegalArgumentException("daysInPeriod is " + daysInPeriod + "; expected the days of the billing period");
        }
        if (balance.signum() <= 0) {
            return Optional.of(BigDecimal.ZERO);
        }
        // balance / (spend / days) = balance × days / spend: one division, no rounded burn rate.
        return Optional.of(balance.multiply(BigDecimal.valueOf(daysInPeriod)).divide(spendInPeriod, MathContext.DECIMAL64));
    }
}
