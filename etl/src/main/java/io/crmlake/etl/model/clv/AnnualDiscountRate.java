package io.crmlake.etl.model.clv;

/**
 * An effective annual discount rate, e.g. 0.10 for 10% a year, converted to any period by compounding:
 * d_period = (1 + d_annual)^(period / 1 year) - 1, so that one year of periods discounts by exactly
 * 1 + d_annual.
 */
public record AnnualDiscountRate(double annualRate) {

    public AnnualDiscountRate {
        if (!(annualRate >= 0) || !Double.isFinite(annualRate)) {
            throw new IllegalArgumentException("annual discount rate must be finite and >= 0, got " + annualRate);
        }
    }

    /** Discount rate per period of length {@code period}. */
    public double perPeriod(Span period) {
        return Math.pow(1 + annualRate, period.in(ModelTimeUnit.YEARS)) - 1;
    }
}
