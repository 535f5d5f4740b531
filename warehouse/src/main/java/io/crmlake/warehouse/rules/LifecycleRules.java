package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lifecycle.yml}: the stages (考察期 exploration → 形成期 formation → 稳定期 stability →
 * 退化期 decline → 流失 churned) and the ordered rules that assign them. Each rule is a set of
 * conditions on customer measures that must all hold; the first rule that holds gives the
 * stage, otherwise {@code default_stage}. A condition on a measure that is undefined for the
 * customer (no purchase cycle yet, too short a history for a trend) does not hold.
 */
public record LifecycleRules(int version, LocalDate effectiveFrom, int trendMonths,
                             List<Stage> stages, List<Rule> rules, String defaultStage) implements java.io.Serializable {

    /** Measures a lifecycle rule can test; see docs/rules.md for their definitions. */
    public static final Set<String> MEASURES = Set.of(
            "tenure_months",   // whole months since the first purchase or contract start
            "trend_ratio",     // revenue of the last k months / revenue of the k months before
            "trend_slope",     // least-squares slope over the last k months / their mean, per month
            "recency_days",    // days since the last purchase
            "recency_cycles"); // recency_days / the customer's mean days between purchases

    /**
     * A stage. {@code rank} orders stages by value to the business for migration direction (a
     * move to a higher rank is an upgrade): the progression order is not a value order, since
     * stability → decline is a step down. Optional; without it the declared position counts.
     */
    public record Stage(@JsonProperty("id") String id, @JsonProperty("name") String name,
                        @JsonProperty("rank") Integer rank) implements java.io.Serializable {
        public Stage {
            Ids.id(id, "id");
        }
    }

    public record Rule(String stage, Map<String, Range> when) implements java.io.Serializable {
        @JsonCreator
        public Rule(@JsonProperty("stage") String stage, @JsonProperty("when") LinkedHashMap<String, Range> when) {
            this(stage, (Map<String, Range>) when);
        }

        public Rule {
            Ids.id(stage, "stage");
            if (when == null || when.isEmpty()) {
                throw new InvalidField("when", "needs at least one condition, e.g. tenure_months: {upper: {value: 6, inclusive: false}}");
            }
            for (String measure : when.keySet()) {
                if (!MEASURES.contains(measure)) {
                    throw new InvalidField("when." + measure, "'" + measure + "' is not a lifecycle measure; expected one of "
                            + MEASURES.stream().sorted().toList());
                }
            }
            when = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(when));
        }

        /** True if every condition holds; a measure missing from the map (undefined) fails its condition. */
        public boolean matches(Map<String, Double> measures) {
            for (Map.Entry<String, Range> condition : when.entrySet()) {
                Double value = measures.get(condition.getKey());
                if (value == null || !condition.getValue().contains(value)) {
                    return false;
                }
            }
            return true;
        }
    }

    @JsonCreator
    public LifecycleRules(@JsonProperty("version") Integer version,
                          @JsonProperty("effective_from") String effectiveFrom,
                          @JsonProperty("trend_months") Integer trendMonths,
                          @JsonProperty("stages") List<Stage> stages,
                          @JsonProperty("rules") List<Rule> rules,
                          @JsonProperty("default_stage") String defaultStage) {
        this(RulesHeader.version(version), RulesHeader.date(effectiveFrom, "effective_from", true),
                Ids.positive(trendMonths, "trend_months", "k, the months compared in the revenue trend"),
                Ids.nonEmpty(stages, "stages", "stage"), Ids.nonEmpty(rules, "rules", "rule"),
                Ids.id(defaultStage, "default_stage"));
    }

    public LifecycleRules {
        stages = List.copyOf(stages);
        rules = List.copyOf(rules);
        Ids.unique(stages, Stage::id, "stages", "id");
        if (stages.stream().anyMatch(s -> s.rank() != null) && stages.stream().anyMatch(s -> s.rank() == null)) {
            int i = stages.stream().map(Stage::rank).toList().indexOf(null);
            throw new InvalidField("stages[" + i + "].rank", "is missing while other stages have one; expected a rank on every stage or on none");
        }
        if (stages.get(0).rank() != null) {
            Ids.unique(stages, Stage::rank, "stages", "rank");
        }
        List<String> ids = stages.stream().map(Stage::id).toList();
        for (int i = 0; i < rules.size(); i++) {
            if (!ids.contains(rules.get(i).stage())) {
                throw new InvalidField("rules[" + i + "].stage", "'" + rules.get(i).stage() + "' is not a declared stage; expected one of " + ids);
            }
        }
        if (!ids.contains(defaultStage)) {
            throw new InvalidField("default_stage", "'" + defaultStage + "' is not a declared stage; expected one of " + ids);
        }
    }

    /** The stage's rank for migration direction: its {@code rank}, else its position (1-based). */
    public int rankOf(String stageId) {
        List<String> ids = stageIds();
        int i = ids.indexOf(stageId);
        if (i < 0) {
            throw new IllegalArgumentException("'" + stageId + "' is not a lifecycle stage; expected one of " + ids);
        }
        Integer rank = stages.get(i).rank();
        return rank != null ? rank : i + 1;
    }

    /** The last declared stage: the terminal state (流失 churned) that every scheme's history uses. */
    public String churnedStage() {
        return stages.get(stages.size() - 1).id();
    }

    public List<String> stageIds() {
        return stages.stream().map(Stage::id).toList();
    }

    /** The stage of the first rule that holds, else the default stage. */
    public String stageOf(Map<String, Double> measures) {
        for (Rule rule : rules) {
            if (rule.matches(measures)) {
                return rule.stage();
            }
        }
        return defaultStage;
    }
}
