package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;
import java.util.Optional;

/** An interval on a measure; a missing end is unbounded. At least one end is given. */
public record Range(
        @JsonProperty("lower") Bound lower,
        @JsonProperty("upper") Bound upper) implements java.io.Serializable {

    public Range {
        if (lower == null && upper == null) {
            throw new InvalidField("", "needs 'lower', 'upper' or both, each {value, inclusive}");
        }
        if (lower != null && upper != null) {
            int c = lower.value().compareTo(upper.value());
            if (c > 0 || (c == 0 && !(lower.inclusive() && upper.inclusive()))) {
                throw new InvalidField("upper", "range " + describe(lower, upper) + " is empty; expected lower < upper");
            }
        }
    }

    public static Range atLeast(Bound lower) {
        return new Range(lower, null);
    }

    public static Range atMost(Bound upper) {
        return new Range(null, upper);
    }

    public Optional<Bound> lowerBound() {
        return Optional.ofNullable(lower);
    }

    public Optional<Bound> upperBound() {
        return Optional.ofNullable(upper);
    }

    public boolean contains(BigDecimal x) {
        return (lower == null || lower.admitsAsLower(x)) && (upper == null || upper.admitsAsUpper(x));
    }

    /**
     * Doubles are read as their shortest decimal form ({@link BigDecimal#valueOf(double)}), so
     * 1098.99 is compared as 1098.99 and not as the nearest binary fraction. NaN is in no range.
     */
    public boolean contains(double x) {
        return !Double.isNaN(x) && !Double.isInfinite(x) && contains(BigDecimal.valueOf(x));
    }

    @Override
    public String toString() {
        return describe(lower, upper);
    }

    private static String describe(Bound lower, Bound upper) {
        String lo = lower == null ? "" : lower.asLower();
        String hi = upper == null ? "" : upper.asUpper();
        return lower != null && upper != null ? lo + " and " + hi : lo + hi;
    }
}
