package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.util.List;
import java.util.Optional;

/**
 * Bands on one measure (ARPU, balance, spend), listed from low to high. Adjacent bands must
 * meet at one value, and exactly one of the two bounds there must be inclusive: both
 * inclusive is an overlap, neither is a gap.
 */
public record BandScheme(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("measure") String measure,
        @JsonProperty("unit") String unit,
        @JsonProperty("bands") List<Band> bands) implements Scheme {

    public BandScheme {
        Ids.id(id, "id");
        Ids.id(measure, "measure");
        bands = Ids.nonEmpty(bands, "bands", "band");
        Ids.unique(bands, Band::id, "bands", "id");
        Ids.unique(bands, Band::rank, "bands", "rank");
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (i > 0 && band.lower() == null) {
                throw new InvalidField("bands[" + i + "]", "band '" + band.id() + "' needs a 'lower' bound: only the first band is open below");
            }
            if (i < bands.size() - 1 && band.upper() == null) {
                throw new InvalidField("bands[" + i + "]", "band '" + band.id() + "' needs an 'upper' bound: only the last band is open above");
            }
            if (i > 0) {
                checkAdjacent(bands.get(i - 1), band, i);
            }
        }
    }

    private static void checkAdjacent(Band below, Band above, int i) {
        Bound upper = below.upper();
        Bound lower = above.lower();
        int c = upper.value().compareTo(lower.value());
        String pair = "bands '" + below.id() + "' and '" + above.id() + "'";
        String field = "bands[" + i + "].lower";
        if (c > 0) {
            throw new InvalidField(field, pair + " overlap between " + lower.value().toPlainString() + " and "
                    + upper.value().toPlainString() + "; expected '" + above.id() + "' to start where '" + below.id()
                    + "' ends, bands listed from low to high");
        }
        if (c < 0) {
            throw new InvalidField(field, pair + " leave a gap between " + upper.value().toPlainString() + " and "
                    + lower.value().toPlainString() + "; expected '" + above.id() + "' to start where '" + below.id() + "' ends");
        }
        if (upper.inclusive() && lower.inclusive()) {
            throw new InvalidField(field + ".inclusive", pair + " overlap at " + lower.value().toPlainString()
                    + ": both bounds are inclusive; expected exactly one of them inclusive");
        }
        if (!upper.inclusive() && !lower.inclusive()) {
            throw new InvalidField(field + ".inclusive", pair + " leave a gap at " + lower.value().toPlainString()
                    + ": both bounds are exclusive; expected exactly one of them inclusive");
        }
    }

    public Optional<Band> band(String bandId) {
        return bands.stream().filter(b -> b.id().equals(bandId)).findFirst();
    }

    @Override
    public List<String> segmentIds() {
        return bands.stream().map(Band::id).toList();
    }
}
