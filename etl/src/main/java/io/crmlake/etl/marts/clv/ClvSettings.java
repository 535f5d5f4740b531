package io.crmlake.etl.marts.clv;

import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.warehouse.rules.BandScheme;
import io.crmlake.warehouse.rules.ClvRules;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything one CLV run uses: the as-of date, the model time unit, the horizon and discount rate,
 * the holdout length (0 = none), the contractual margin, ARPU window and value bands, and whether a
 * BG/NBD fit that does not converge may fall back to the dropout prior ({@code bgnbd.dropout_prior},
 * off by default: see docs/clv.md). Defaults come from {@code clv.yml}; the command line may
 * override the time unit, horizon, rate and holdout.
 */
public record ClvSettings(LocalDate asOf, ModelTimeUnit timeUnit, int horizonMonths, AnnualDiscountRate discountRate,
                          int holdoutWeeks, double contractualMarginRate, int arpuMonths, BandScheme valueBands,
                          boolean dropoutPrior) {

    public ClvSettings {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(discountRate, "discountRate");
        Objects.requireNonNull(valueBands, "valueBands");
        if (timeUnit == ModelTimeUnit.YEARS) {
            throw new IllegalArgumentException("--time-unit must be days, weeks or months, got years");
        }
        if (horizonMonths < 1 || horizonMonths > 600) {
            throw new IllegalArgumentException("--horizon-months must be between 1 and 600, got " + horizonMonths);
        }
        if (holdoutWeeks < 0) {
            throw new IllegalArgumentException("--holdout-weeks must be 0 (no holdout) or more, got " + holdoutWeeks);
        }
    }

    /** The rules' defaults for {@code asOf}. */
    public static ClvSettings defaults(ClvRules rules, LocalDate asOf) {
        return new ClvSettings(asOf, timeUnit(rules.timeUnit()), rules.horizonMonths(),
                new AnnualDiscountRate(rules.annualDiscountRate().doubleValue()), rules.holdoutWeeks(),
                rules.contractual().marginRate().doubleValue(), rules.contractual().arpuMonths(), rules.valueBands(),
                rules.bgnbd().dropoutPrior());
    }

    /** "days", "weeks" or "months" as a model time unit. */
    public static ModelTimeUnit timeUnit(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "days" -> ModelTimeUnit.DAYS;
            case "weeks" -> ModelTimeUnit.WEEKS;
            case "months" -> ModelTimeUnit.MONTHS;
            default -> throw new IllegalArgumentException("time unit '" + name + "' is not one of days, weeks, months");
        };
    }

    public String timeUnitName() {
        return timeUnit.name().toLowerCase(Locale.ROOT);
    }

    public ClvSettings withTimeUnit(ModelTimeUnit unit) {
        return new ClvSettings(asOf, unit, horizonMonths, discountRate, holdoutWeeks, contractualMarginRate, arpuMonths, valueBands, dropoutPrior);
    }

    public ClvSettings withHorizonMonths(int months) {
        return new ClvSettings(asOf, timeUnit, months, discountRate, holdoutWeeks, contractualMarginRate, arpuMonths, valueBands, dropoutPrior);
    }

    public ClvSettings withDiscountRate(double annual) {
        return new ClvSettings(asOf, timeUnit, horizonMonths, new AnnualDiscountRate(annual), holdoutWeeks,
                contractualMarginRate, arpuMonths, valueBands, dropoutPrior);
    }

    public ClvSettings withHoldoutWeeks(int weeks) {
        return new ClvSettings(asOf, timeUnit, horizonMonths, discountRate, weeks, contractualMarginRate, arpuMonths, valueBands, dropoutPrior);
    }

    public ClvSettings withDropoutPrior(boolean allowed) {
        return new ClvSettings(asOf, timeUnit, horizonMonths, discountRate, holdoutWeeks, contractualMarginRate, arpuMonths,
                valueBands, allowed);
    }

    /** The run id: one run per as-of date, replaced when re-run. */
    public String runId() {
        return "clv-" + asOf;
    }
}
