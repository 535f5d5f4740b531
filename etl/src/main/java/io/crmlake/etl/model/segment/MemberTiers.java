package io.crmlake.etl.model.segment;

import io.crmlake.warehouse.rules.Bound;
import io.crmlake.warehouse.rules.TierRules;
import io.crmlake.warehouse.rules.TierRules.Tier;
import java.math.BigDecimal;
import java.util.List;

/**
 * Member tier upgrade and yearly keep review. The source programme leaves overlaps and gaps
 * open; the rules chosen here (docs/rules.md, "Member tiers"):
 * <ul>
 *   <li>Upgrade: a member holds the highest tier whose upgrade condition holds, any one stated
 *       condition sufficing; an upgrade never lowers the current tier. Upgrade and keep bounds
 *       are lower bounds (the flag says whether the value itself qualifies).</li>
 *   <li>Cumulative spend counts the current membership year (since joining or the last review),
 *       so a member dropped at a review cannot re-qualify on spend that was already judged.</li>
 *   <li>Yearly review: a member whose annual spend meets their tier's keep threshold keeps it;
 *       otherwise they drop to the highest lower tier whose keep threshold the spend meets, and
 *       never below the lowest tier (which has no keep threshold). A review never raises.</li>
 * </ul>
 */
public final class MemberTiers {
    private MemberTiers() {}

    /**
     * A member's activity in the current membership year.
     *
     * @param purchases number of purchases
     * @param largestSinglePurchase the largest single purchase amount
     * @param cumulativeSpend total spend
     */
    public record Activity(int purchases, BigDecimal largestSinglePurchase, BigDecimal cumulativeSpend) {
        public static Activity of(int purchases, String largestSinglePurchase, String cumulativeSpend) {
            return new Activity(purchases, new BigDecimal(largestSinglePurchase), new BigDecimal(cumulativeSpend));
        }
    }

    /**
     * The tier after applying upgrades; {@code current} is null for someone without a tier.
     * Returns null when neither a current tier nor any upgrade condition applies (no purchase).
     */
    public static String upgrade(TierRules rules, String current, Activity activity) {
        List<Tier> tiers = rules.tiers();
        int best = current == null ? -1 : indexOf(rules, current);
        for (int i = tiers.size() - 1; i > best; i--) {
            if (qualifies(tiers.get(i).upgrade(), activity)) {
                best = i;
                break;
            }
        }
        return best < 0 ? null : tiers.get(best).id();
    }

    /** The tier after the yearly review of a member holding {@code current}. */
    public static String review(TierRules rules, String current, BigDecimal annualSpend) {
        List<Tier> tiers = rules.tiers();
        for (int i = indexOf(rules, current); i > 0; i--) {
            if (tiers.get(i).keep().annualSpend().admitsAsLower(annualSpend)) {
                return tiers.get(i).id();
            }
        }
        return tiers.get(0).id();
    }

    private static boolean qualifies(TierRules.Upgrade upgrade, Activity a) {
        return meets(upgrade.purchases(), BigDecimal.valueOf(a.purchases()))
                || meets(upgrade.singlePurchase(), a.largestSinglePurchase())
                || meets(upgrade.cumulativeSpend(), a.cumulativeSpend());
    }

    private static boolean meets(Bound bound, BigDecimal value) {
        return bound != null && value != null && bound.admitsAsLower(value);
    }

    private static int indexOf(TierRules rules, String tierId) {
        int i = rules.tierIds().indexOf(tierId);
        if (i < 0) {
            throw new IllegalArgumentException("'" + tierId + "' is not a tier; expected one of " + rules.tierIds());
        }
        return i;
    }
}
