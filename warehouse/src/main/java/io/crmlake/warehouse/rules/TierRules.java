package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code tiers.yml}: member tiers from lowest to highest, each with an upgrade condition (any
 * one of the stated conditions suffices) and, except the lowest, a keep threshold checked at
 * the yearly review. How overlaps and gaps are resolved is documented in docs/rules.md and
 * implemented in {@code io.crmlake.etl.model.segment.MemberTiers}.
 */
public record TierRules(int version, LocalDate effectiveFrom, String currency, List<Tier> tiers) implements java.io.Serializable {

    /** Upgrade when any stated condition holds; amounts in the file's currency. */
    public record Upgrade(
            @JsonProperty("purchases") Bound purchases,
            @JsonProperty("single_purchase") Bound singlePurchase,
            @JsonProperty("cumulative_spend") Bound cumulativeSpend) implements java.io.Serializable {
        public Upgrade {
            if (purchases == null && singlePurchase == null && cumulativeSpend == null) {
                throw new InvalidField("", "needs at least one of purchases, single_purchase, cumulative_spend");
            }
        }
    }

    public record Keep(@JsonProperty("annual_spend") Bound annualSpend) implements java.io.Serializable {
        public Keep {
            if (annualSpend == null) {
                throw new InvalidField("annual_spend", "is required: {value, inclusive}, the yearly spend that keeps the tier");
            }
        }
    }

    public record Tier(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("rank") Integer rank,
            @JsonProperty("upgrade") Upgrade upgrade,
            @JsonProperty("keep") Keep keep) implements java.io.Serializable {
        public Tier {
            Ids.id(id, "id");
            if (rank == null) {
                throw new InvalidField("rank", "is required: a whole number, higher = better tier");
            }
            if (upgrade == null) {
                throw new InvalidField("upgrade", "is required: the condition that grants this tier");
            }
        }
    }

    @JsonCreator
    public TierRules(@JsonProperty("version") Integer version,
                     @JsonProperty("effective_from") String effectiveFrom,
                     @JsonProperty("currency") String currency,
                     @JsonProperty("tiers") List<Tier> tiers) {
        this(RulesHeader.version(version), RulesHeader.date(effectiveFrom, "effective_from", true),
                currency, Ids.nonEmpty(tiers, "tiers", "tier"));
    }

    public TierRules {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new InvalidField("currency", "is '" + currency + "'; expected an ISO 4217 code such as CNY");
        }
        tiers = List.copyOf(tiers);
        Ids.unique(tiers, Tier::id, "tiers", "id");
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (i > 0 && t.rank() <= tiers.get(i - 1).rank()) {
                throw new InvalidField("tiers[" + i + "].rank", "rank " + t.rank() + " of '" + t.id()
                        + "' is not above the previous tier's; expected tiers listed from lowest to highest");
            }
            if (i == 0 && t.keep() != null) {
                throw new InvalidField("tiers[0].keep", "the lowest tier '" + t.id() + "' is never lost; remove 'keep'");
            }
            if (i > 0 && t.keep() == null) {
                throw new InvalidField("tiers[" + i + "]", "tier '" + t.id() + "' needs 'keep': {annual_spend: {value, inclusive}}");
            }
            if (i > 1 && t.keep().annualSpend().value().compareTo(tiers.get(i - 1).keep().annualSpend().value()) < 0) {
                throw new InvalidField("tiers[" + i + "].keep.annual_spend.value", "keep threshold of '" + t.id()
                        + "' is below that of '" + tiers.get(i - 1).id() + "'; expected thresholds rising with the tier");
            }
        }
    }

    public Tier lowest() {
        return tiers.get(0);
    }

    public Optional<Tier> tier(String id) {
        return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<String> tierIds() {
        return tiers.stream().map(Tier::id).toList();
    }
}
