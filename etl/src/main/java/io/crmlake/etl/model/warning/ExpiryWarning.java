package io.crmlake.etl.model.warning;

import io.crmlake.warehouse.rules.Range;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When a contract (or subsidy) expiry warning is raised. "Days left" falls by one each day, so
 * the condition first holds on the day the days left reach the largest whole number inside
 * {@code when}; it then holds every day until the end (one warning, not one per day).
 */
public final class ExpiryWarning {

    private ExpiryWarning() {}

    /**
     * The day the warning is raised: contract end minus the largest admitted days-left value,
     * but not before the account was opened; empty when no whole number of days left from 0 up
     * is inside {@code when}. Without an upper bound the account warns from its opening day.
     */
    public static Optional<LocalDate> raisedOn(Range when, LocalDate contractEnd, LocalDate openDate) {
        if (contractEnd == null) {
            return Optional.empty();
        }
        LocalDate from = openDate == null ? contractEnd : openDate;
        if (when.upper() == null) {
            long days = contractEnd.toEpochDay() - from.toEpochDay();
            return when.contains(BigDecimal.valueOf(Math.max(days, 0))) ? Optional.of(min(from, contractEnd)) : Optional.empty();
        }
        BigDecimal upper = when.upper().value();
        long largest = when.upper().inclusive()
                ? upper.setScale(0, RoundingMode.FLOOR).longValueExact()
                : upper.setScale(0, RoundingMode.CEILING).longValueExact() - 1;
        if (largest < 0 || !when.contains(BigDecimal.valueOf(largest))) {
            return Optional.empty();
        }
        LocalDate raised = contractEnd.minusDays(largest);
        return Optional.of(openDate != null && raised.isBefore(openDate) ? min(openDate, contractEnd) : raised);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
