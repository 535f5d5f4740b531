package io.crmlake.etl.marts.migration;

/**
 * The flow a customer's move between two consecutive months belongs to. Entering from
 * not_yet_customer is new, leaving churned is won back, entering churned is churned; between
 * two live segments the segment rank decides. Staying not_yet_customer or staying churned is
 * no flow (those customers are not part of the month's movement).
 */
public enum SegmentFlow {
    NEW, UPGRADED, STABLE, DOWNGRADED, CHURNED, WON_BACK;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The flow of a move, or null when the customer stays outside (not yet, or still churned). */
    public static SegmentFlow of(SegmentStates states, String from, int fromRank, String to, int toRank) {
        boolean fromNotYet = states.isNotYet(from);
        boolean toNotYet = states.isNotYet(to);
        if (toNotYet) {
            return null;
        }
        if (fromNotYet) {
            return NEW;
        }
        boolean fromChurned = states.isChurned(from);
        boolean toChurned = states.isChurned(to);
        if (fromChurned && toChurned) {
            return null;
        }
        if (fromChurned) {
            return WON_BACK;
        }
        if (toChurned) {
            return CHURNED;
        }
        return toRank > fromRank ? UPGRADED : toRank < fromRank ? DOWNGRADED : STABLE;
    }
}
