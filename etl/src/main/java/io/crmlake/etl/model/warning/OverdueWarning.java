package io.crmlake.etl.model.warning;

import io.crmlake.warehouse.rules.Range;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * Recency beyond the customer's own purchase cycle. The cycle is the mean gap between the
 * customer's purchase days so far: (last − first purchase day) ÷ (purchase days − 1). Recency in
 * cycles grows every silent day, so the warning is raised on the first day the ratio enters
 * {@code when} and persists until the next purchase (one warning per silent spell).
 */
public final class OverdueWarning {

    private OverdueWarning() {}

    /**
     * Days after the last purchase on which the warning is raised, computed exactly (1.5 cycles
     * of 20/3 days is 10 days, and "more than 1.5 cycles" starts on day 11).
     *
     * @param spanDays days from the first to the last purchase day
     * @param gaps purchase days − 1 (at least 1: a cycle needs two purchases)
     * @return empty when the customer has no cycle yet or no day qualifies
     */
    public static OptionalLong firstOverdueDay(Range when, long spanDays, long gaps) {
        if (gaps < 1 || spanDays <= 0) {
            return OptionalLong.empty();
        }
        BigDecimal span = BigDecimal.valueOf(spanDays);
        BigDecimal n = BigDecimal.valueOf(gaps);
        long day = 1;
        if (when.lower() != null) {
            // cycles(g) = g × gaps / span, so the bound in days is L × span / gaps.
            BigDecimal boundDays = when.lower().value().multiply(span);
            BigDecimal[] qr = boundDays.divideAndRemainder(n);
            long floor = qr[0].setScale(0, RoundingMode.FLOOR).longValueExact();
            boolean exact = qr[1].signum() == 0;
            long first = when.lower().inclusive() ? (exact ? floor : floor + 1) : floor + 1;
            day = Math.max(1, first);
        }
        BigDecimal cycles = BigDecimal.valueOf(day).multiply(n).divide(span, MathContext.DECIMAL128);
        return when.contains(cycles) ? OptionalLong.of(day) : OptionalLong.empty();
    }
}
