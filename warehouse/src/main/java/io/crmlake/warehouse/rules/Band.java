package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;

/**
 * One band of a {@link BandScheme}. The first band may omit {@code lower} (open below), the last
 * may omit {@code upper} (open above). {@code rank} orders bands by value for migration
 * direction: a move to a higher rank is an upgrade.
 */
public record Band(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("rank") Integer rank,
        @JsonProperty("lower") Bound lower,
        @JsonProperty("upper") Bound upper) implements java.io.Serializable {

    public Band {
        Ids.id(id, "id");
        if (rank == null) {
            throw new InvalidField("rank", "is required: a whole number, higher = more valuable");
        }
        if (lower != null && upper != null) {
            new Range(lower, upper); // same emptiness check and message
        }
    }

    public boolean contains(BigDecimal x) {
        return (lower == null || lower.admitsAsLower(x)) && (upper == null || upper.admitsAsUpper(x));
    }

    public boolean contains(double x) {
        return !Double.isNaN(x) && !Double.isInfinite(x) && contains(BigDecimal.valueOf(x));
    }

    @Override
    public String toString() {
        return id + " (" + (lower == null ? "" : lower.asLower()) + (lower != null && upper != null ? " and " : "")
                + (upper == null ? "" : upper.asUpper()) + ")";
    }
}
