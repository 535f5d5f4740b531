package io.crmlake.etl.model.kpi;

/**
 * Retention of a snapshot cohort (拍照维系): the customers qualifying (e.g. ARPU > 80) at the
 * snapshot date, looked at again at the end of the period. The three readings of 保有率:
 * <ul>
 *   <li>static = still qualifying / snapshot;</li>
 *   <li>active = still customers, qualifying or not / snapshot;</li>
 *   <li>dynamic = (still qualifying + customers newly qualifying since the snapshot) / snapshot,
 *       which can exceed 100 %.</li>
 * </ul>
 *
 * @param snapshot cohort size at the snapshot
 * @param stillQualifying cohort members still qualifying at the end
 * @param activeNotQualifying cohort members still active but no longer qualifying
 * @param churned cohort members lost
 * @param newQualifying customers outside the cohort who qualify at the end
 */
public record SnapshotRetention(long snapshot, long stillQualifying, long activeNotQualifying, long churned, long newQualifying) {

    public SnapshotRetention {
        if (snapshot <= 0) {
            throw new IllegalArgumentException("snapshot is " + snapshot + "; expected a cohort of at least one customer");
        }
        if (stillQualifying < 0 || activeNotQualifying < 0 || churned < 0 || newQualifying < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (stillQualifying + activeNotQualifying + churned != snapshot) {
            throw new IllegalArgumentException("still qualifying " + stillQualifying + " + active " + activeNotQualifying
                    + " + churned " + churned + " = " + (stillQualifying + activeNotQualifying + churned)
                    + "; expected the snapshot " + snapshot + " (every cohort member ends in one state)");
        }
    }

    public Ratio staticRetention() {
        return Ratio.of(stillQualifying, snapshot);
    }

    public Ratio activeRetention() {
        return Ratio.of(stillQualifying + activeNotQualifying, snapshot);
    }

    public Ratio dynamicRetention() {
        return Ratio.of(stillQualifying + newQualifying, snapshot);
    }
}
