package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * A segment scheme of {@code segments.yml}; {@code kind} selects the shape. Lifecycle stages
 * and member tiers are schemes too but have their own files (lifecycle.yml, tiers.yml).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = BandScheme.class, name = "bands"),
    @JsonSubTypes.Type(value = ParetoScheme.class, name = "pareto"),
    @JsonSubTypes.Type(value = RfmScheme.class, name = "rfm")
})
public sealed interface Scheme extends java.io.Serializable permits BandScheme, ParetoScheme, RfmScheme {

    String id();

    /** The segment ids this scheme can assign, in rank order where ranks exist. */
    List<String> segmentIds();
}
