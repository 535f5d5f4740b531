package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code clv.yml}: the defaults of the customer value mart ({@code crmlake marts clv}): the CLV
 * horizon, the annual discount rate, the model time unit, the contractual margin rate and ARPU
 * window, the value bands on CLV, and what a BG/NBD fit that does not converge does. Command-line
 * options override the horizon, the rate and the time unit for one run; the mart records the values
 * it used.
 */
public record ClvRules(int version, LocalDate effectiveFrom, String currency, int horizonMonths,
                       BigDecimal annualDiscountRate, String timeUnit, int holdoutWeeks, Contractual contractual,
                       BandScheme valueBands, Bgnbd bgnbd) {

    /** Time units the mart accepts for t_x and T (the BG/NBD alpha is fitted in this unit). */
    public static final List<String> TIME_UNITS = List.of("days", "weeks", "months");

    /** How a contractual customer's value is formed: ARPU x margin rate x discounted residual lifetime. */
    public record Contractual(
            @JsonProperty("margin_rate") BigDecimal marginRate,
            @JsonProperty("arpu_months") Integer arpuMonths) {
        public Contractual {
            if (marginRate == null) {
                throw new InvalidField("margin_rate", "is required: the share of billed revenue that is margin, e.g. 0.35");
            }
            if (marginRate.signum() <= 0 || marginRate.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidField("margin_rate", "is " + marginRate.toPlainString()
                        + "; expected a share in (0, 1], e.g. 0.35 for 35 % of billed revenue");
            }
            Ids.positive(arpuMonths, "arpu_months", "months of billed revenue averaged into ARPU, e.g. 3");
        }
    }

    /**
     * BG/NBD fitting. {@code dropout_prior}: when plain maximum likelihood does not converge, refit
     * with a weak prior on ln a and ln b (true) or fail the run with the reason (false, the default).
     */
    public record Bgnbd(boolean dropoutPrior) {
        public static final Bgnbd DEFAULT = new Bgnbd(false);

        @JsonCreator
        public static Bgnbd of(@JsonProperty("dropout_prior") Boolean dropoutPrior) {
            return new Bgnbd(Boolean.TRUE.equals(dropoutPrior));
        }
    }

    /** The value bands: bands on the customer's CLV, listed from low to high. */
    public record ValueBands(
            @JsonProperty("unit") String unit,
            @JsonProperty("bands") List<Band> bands) {
    }

    @JsonCreator
    public static ClvRules of(@JsonProperty("version") Integer version,
                              @JsonProperty("effective_from") String effectiveFrom,
                              @JsonProperty("currency") String currency,
                              @JsonProperty("horizon_months") Integer horizonMonths,
                              @JsonProperty("annual_discount_rate") BigDecimal annualDiscountRate,
                              @JsonProperty("time_unit") String timeUnit,
                              @JsonProperty("holdout_weeks") Integer holdoutWeeks,
                              @JsonProperty("contractual") Contractual contractual,
                              @JsonProperty("value_bands") ValueBands valueBands,
                              @JsonProperty("bgnbd") Bgnbd bgnbd) {
        if (valueBands == null) {
            throw new InvalidField("value_bands", "is required: {unit, bands: [...]} on the customer's CLV");
        }
        BandScheme bands;
        try {
            bands = new BandScheme("value_band", "Value band", "clv", valueBands.unit(), valueBands.bands());
        } catch (InvalidField e) {
            throw new InvalidField(InvalidField.join("value_bands", e.field()), e.getMessage());
        }
        return new ClvRules(RulesHeader.version(version), RulesHeader.date(effectiveFrom, "effective_from", true),
                currency, Ids.positive(horizonMonths, "horizon_months", "months of future value in the CLV, e.g. 12"),
                annualDiscountRate, timeUnit, holdoutWeeks == null ? 0 : holdoutWeeks, contractual, bands,
                bgnbd == null ? Bgnbd.DEFAULT : bgnbd);
    }

    public ClvRules {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidField("currency", "is '" + currency + "'; expected an ISO 4217 code such as CNY");
        }
        if (annualDiscountRate == null) {
            throw new InvalidField("annual_discount_rate", "is required: the effective yearly rate, e.g. 0.10 for 10 %");
        }
        if (annualDiscountRate.signum() < 0 || annualDiscountRate.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidField("annual_discount_rate", "is " + annualDiscountRate.toPlainString()
                    + "; expected a yearly rate between 0 and 1, e.g. 0.10 for 10 %");
        }
        if (timeUnit == null || !TIME_UNITS.contains(timeUnit)) {
            throw new InvalidField("time_unit", "is '" + timeUnit + "'; expected one of " + TIME_UNITS);
        }
        if (contractual == null) {
            throw new InvalidField("contractual", "is required: {margin_rate, arpu_months}");
        }
        if (holdoutWeeks < 0) {
            throw new InvalidField("holdout_weeks", "is " + holdoutWeeks + "; expected 0 (no holdout check) or a number of weeks, e.g. 13");
        }
    }

    /** The value band of a CLV amount, if any band holds it. */
    public Optional<Band> valueBand(double clv) {
        return valueBands.bands().stream().filter(b -> b.contains(clv)).findFirst();
    }
}
