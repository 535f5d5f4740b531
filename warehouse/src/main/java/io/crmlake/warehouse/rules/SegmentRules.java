package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code segments.yml}: band, Pareto/ABC and RFM schemes. */
public record SegmentRules(int version, LocalDate effectiveFrom, List<Scheme> schemes) implements java.io.Serializable {

    @JsonCreator
    public SegmentRules(@JsonProperty("version") Integer version,
                        @JsonProperty("effective_from") String effectiveFrom,
                        @JsonProperty("schemes") List<Scheme> schemes) {
        this(RulesHeader.version(version), RulesHeader.date(effectiveFrom, "effective_from", true),
                Ids.nonEmpty(schemes, "schemes", "scheme"));
    }

    public SegmentRules {
        schemes = List.copyOf(schemes);
        Ids.unique(schemes, Scheme::id, "schemes", "id");
    }

    public Optional<Scheme> scheme(String id) {
        return schemes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public <T extends Scheme> T scheme(String id, Class<T> kind) {
        return scheme(id).filter(kind::isInstance).map(kind::cast)
                .orElseThrow(() -> new IllegalArgumentException("no " + kind.getSimpleName() + " '" + id + "' in segments.yml"));
    }
}
