package io.crmlake.etl.marts.migration;

import io.crmlake.warehouse.rules.LifecycleRules;

/**
 * The states every scheme's history shares besides its own segments: not yet a customer
 * (before the customer's first month in the lake) and churned (the last stage of
 * lifecycle.yml, so one definition of churn holds for every scheme).
 */
public record SegmentStates(String churned) implements java.io.Serializable {

    public static final String NOT_YET = "not_yet_customer";
    public static final int NOT_YET_RANK = -1;
    public static final int CHURNED_RANK = 0;
    /** member_tier before the first purchase: a customer, not yet a member. */
    public static final String NO_TIER = "no_tier";
    public static final int NO_TIER_RANK = 0;
    /** A band scheme with closed ends can leave a value outside every band. */
    public static final String NO_BAND = "no_band";

    public static SegmentStates of(LifecycleRules lifecycle) {
        return new SegmentStates(lifecycle.churnedStage());
    }

    public boolean isNotYet(String segment) {
        return NOT_YET.equals(segment);
    }

    public boolean isChurned(String segment) {
        return churned.equals(segment);
    }
}
