package io.crmlake.etl.model.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate kept as numerator and denominator, so comparisons with a target are exact:
 * 140 / 400 is compared as 140 × 100 against 35 × 400, never through a rounded 0.35.
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) {

    public Ratio {
        if (numerator == null || denominator == null) {
            throw new IllegalArgumentException("numerator and denominator are required");
        }
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator is " + denominator.toPlainString()
                    + "; a rate needs a positive base (no customers in scope?)");
        }
    }

    public static Ratio of(long numerator, long denominator) {
        return new Ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** Sign of (this in percent) − percent, computed exactly. */
    public int comparePercent(BigDecimal percent) {
        return numerator.movePointRight(2).compareTo(percent.multiply(denominator));
    }

    /** For display: the rate in percent, rounded half-even to {@code scale} decimals. */
    public BigDecimal percent(int scale) {
        return numerator.movePointRight(2).divide(denominator, scale, RoundingMode.HALF_EVEN);
    }
}
