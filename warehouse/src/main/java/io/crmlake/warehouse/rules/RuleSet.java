package io.crmlake.warehouse.rules;

import java.util.Map;

/**
 * A complete, validated set of rules: every file read, every cross-reference resolved.
 * Built only by {@link RuleSets#load}, so a RuleSet in hand is never half-loaded.
 */
public record RuleSet(
        SegmentRules segments,
        LifecycleRules lifecycle,
        TierRules tiers,
        KpiTargets kpiTargets,
        WarningRules warnings,
        ClvRules clv) {

    /** Each file's version, for lineage columns and report footers ("rules: segments v3 …"). */
    public Map<String, Integer> versions() {
        return Map.of(
                RuleSets.SEGMENTS, segments.version(),
                RuleSets.LIFECYCLE, lifecycle.version(),
                RuleSets.TIERS, tiers.version(),
                RuleSets.KPI_TARGETS, kpiTargets.version(),
                RuleSets.WARNINGS, warnings.version(),
                RuleSets.CLV, clv.version());
    }
}
