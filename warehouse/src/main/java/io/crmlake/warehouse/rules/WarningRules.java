package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code warnings.yml}: early-warning triggers (预警). A warning is raised when the trigger's
 * measure falls in {@code when}; a contact task is due {@code due_in_days} after it is raised;
 * the warning counts as completed when a contact with a qualifying outcome follows within
 * {@code completion_window_days}.
 */
public record WarningRules(int version, LocalDate effectiveFrom, List<Trigger> triggers) {

    /** What a trigger measures. */
    public enum Kind {
        /** Prepaid balance / average daily spend over the last 30 days. */
        @JsonProperty("balance_days_left") BALANCE_DAYS_LEFT,
        /** Days until contract_end_date (or subsidy end) of an account. */
        @JsonProperty("contract_days_left") CONTRACT_DAYS_LEFT,
        /** Days since the last purchase / the customer's mean days between purchases. */
        @JsonProperty("recency_cycles") RECENCY_CYCLES,
        /** Birthday falls in the next calendar month; no measure, no {@code when}. */
        @JsonProperty("birthday_next_month") BIRTHDAY_NEXT_MONTH
    }

    /** Touchpoint outcomes that show the customer was actually served (landing contract values). */
    public enum Outcome {
        @JsonProperty("reached") REACHED,
        @JsonProperty("responded") RESPONDED,
        @JsonProperty("converted") CONVERTED
    }

    public record Trigger(
            @JsonProperty("id") String id,
            @JsonProperty("kind") Kind kind,
            @JsonProperty("when") Range when,
            @JsonProperty("due_in_days") Integer dueInDays,
            @JsonProperty("completion_window_days") Integer completionWindowDays,
            @JsonProperty("qualifying_outcomes") List<Outcome> qualifyingOutcomes) {

        public Trigger {
            Ids.id(id, "id");
            if (kind == null) {
                throw new InvalidField("kind", "is required: balance_days_left, contract_days_left, recency_cycles or birthday_next_month");
            }
            if (kind == Kind.BIRTHDAY_NEXT_MONTH && when != null) {
                throw new InvalidField("when", "birthday_next_month has no measure; remove 'when'");
            }
            if (kind != Kind.BIRTHDAY_NEXT_MONTH && when == null) {
                throw new InvalidField("when", "is required for " + kind.name().toLowerCase() + ": {lower/upper: {value, inclusive}}");
            }
            Ids.positive(dueInDays, "due_in_days", "days after the warning by which the contact is due");
            Ids.positive(completionWindowDays, "completion_window_days", "days after the warning in which a qualifying contact completes it");
            if (completionWindowDays < dueInDays) {
                throw new InvalidField("completion_window_days", "is " + completionWindowDays + ", shorter than due_in_days "
                        + dueInDays + "; expected a window at least as long as the due time");
            }
            qualifyingOutcomes = Ids.nonEmpty(qualifyingOutcomes, "qualifying_outcomes", "outcome (reached, responded, converted)");
        }

        /** Whether a measured value raises this warning; birthday triggers are decided by date alone. */
        public boolean fires(double measure) {
            return when != null && when.contains(measure);
        }
    }

    @JsonCreator
    public WarningRules(@JsonProperty("version") Integer version,
                        @JsonProperty("effective_from") String effectiveFrom,
                        @JsonProperty("triggers") List<Trigger> triggers) {
        this(RulesHeader.version(version), RulesHeader.date(effectiveFrom, "effective_from", true),
                Ids.nonEmpty(triggers, "triggers", "trigger"));
    }

    public WarningRules {
        triggers = List.copyOf(triggers);
        Ids.unique(triggers, Trigger::id, "triggers", "id");
    }

    public Optional<Trigger> trigger(String id) {
        return triggers.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
