package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;

/**
 * One end of a range: a value and whether the value itself belongs to the range. The flag is
 * always required: the source documents leave cut-offs like "above 80" open, so every file
 * says which side 80 falls on.
 */
public record Bound(
        @JsonProperty("value") BigDecimal value,
        @JsonProperty("inclusive") Boolean inclusive) implements java.io.Serializable {

    public Bound {
        if (value == null) {
            throw new InvalidField("value", "is required: the number at which this bound lies");
        }
        if (inclusive == null) {
            throw new InvalidField("inclusive", "is required: true if " + value.toPlainString()
                    + " itself is inside, false if it is outside");
        }
    }

    public static Bound inclusive(String value) {
        return new Bound(new BigDecimal(value), true);
    }

    public static Bound exclusive(String value) {
        return new Bound(new BigDecimal(value), false);
    }

    /** True if x is on the inside of this bound taken as a lower bound. */
    public boolean admitsAsLower(BigDecimal x) {
        int c = x.compareTo(value);
        return c > 0 || (c == 0 && inclusive);
    }

    /** True if x is on the inside of this bound taken as an upper bound. */
    public boolean admitsAsUpper(BigDecimal x) {
        int c = x.compareTo(value);
        return c < 0 || (c == 0 && inclusive);
    }

    /** How the bound reads as a lower end: "≥ 80" or "> 80". */
    public String asLower() {
        return (inclusive ? ">= " : "> ") + value.toPlainString();
    }

    public String asUpper() {
        return (inclusive ? "<= " : "< ") + value.toPlainString();
    }
}
