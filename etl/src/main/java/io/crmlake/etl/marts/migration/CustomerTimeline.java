package io.crmlake.etl.marts.migration;

import io.crmlake.etl.model.segment.CustomerHistory;
import io.crmlake.etl.model.segment.LifecycleStages;
import io.crmlake.etl.model.segment.MemberTiers;
import io.crmlake.warehouse.rules.LifecycleRules;
import io.crmlake.warehouse.rules.TierRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one customer's months in order and gives, per month, the lifecycle stage and the
 * member tier: the two schemes whose state depends on the customer's own past (revenue trend,
 * purchase cycle, the membership year). Plain Java; the Spark job calls it once per customer.
 *
 * <ul>
 *   <li>Purchase cycle: (last purchase − first purchase) / (distinct purchase days − 1), in days,
 *       defined from the second purchase day on.</li>
 *   <li>Churned: the lifecycle rules say so (their last stage), or a contractual customer's
 *       accounts are all closed and the month has no revenue (the contract ended; recency rules
 *       do not see bills, which are not purchases).</li>
 *   <li>Member tier: the membership year starts in the month of the first purchase; at each
 *       anniversary the tier is reviewed on the year's spend and the year's counters restart
 *       (docs/rules.md, member tiers); every month the year's purchases, largest single purchase
 *       and spend so far are checked for upgrades.</li>
 * </ul>
 */
public final class CustomerTimeline {

    private CustomerTimeline() {}

    /** One month of fact_customer_month, as the timeline needs it. */
    public record Month(int monthKey, BigDecimal revenue, int orders, int purchaseDays, BigDecimal maxSinglePurchase,
                        LocalDate lastPurchaseDate, Integer recencyDays, int tenureMonths, int activeAccounts) {}

    /** The customer's state at the end of a month; tier is null before the first purchase. */
    public record State(int monthKey, String stage, boolean churned, String tier) {}

    public static List<State> walk(LifecycleRules lifecycle, TierRules tiers, LocalDate firstPurchase, List<Month> months) {
        List<State> states = new ArrayList<>(months.size());
        double[] revenue = new double[months.size()];
        String churnedStage = lifecycle.churnedStage();
        int purchaseDays = 0;
        boolean hadAccounts = false;
        int memberSince = -1;
        String tier = null;
        int yearPurchases = 0;
        BigDecimal yearLargest = BigDecimal.ZERO;
        BigDecimal yearSpend = BigDecimal.ZERO;
        for (int i = 0; i < months.size(); i++) {
            Month m = months.get(i);
            revenue[i] = m.revenue().doubleValue();
            purchaseDays += m.purchaseDays();
            double cycle = Double.NaN;
            if (purchaseDays >= 2 && firstPurchase != null && m.lastPurchaseDate() != null) {
                cycle = ChronoUnit.DAYS.between(firstPurchase, m.lastPurchaseDate()) / (double) (purchaseDays - 1);
            }
            double recency = m.recencyDays() == null ? Double.NaN : m.recencyDays();
            String stage = LifecycleStages.stage(lifecycle,
                    new CustomerHistory(java.util.Arrays.copyOf(revenue, i + 1), m.tenureMonths(), recency, cycle));
            boolean contractEnded = hadAccounts && m.activeAccounts() == 0 && m.revenue().signum() == 0;
            if (contractEnded) {
                stage = churnedStage;
            }
            hadAccounts |= m.activeAccounts() > 0;

            if (memberSince < 0 && m.orders() > 0) {
                memberSince = i;
            }
            if (memberSince >= 0 && i > memberSince && (i - memberSince) % 12 == 0) {
                if (tier != null) {
                    tier = MemberTiers.review(tiers, tier, yearSpend);
                }
                yearPurchases = 0;
                yearLargest = BigDecimal.ZERO;
                yearSpend = BigDecimal.ZERO;
            }
            if (memberSince >= 0) {
                yearPurchases += m.orders();
                if (m.maxSinglePurchase() != null && m.maxSinglePurchase().compareTo(yearLargest) > 0) {
                    yearLargest = m.maxSinglePurchase();
                }
                yearSpend = yearSpend.add(m.revenue());
                tier = MemberTiers.upgrade(tiers, tier, new MemberTiers.Activity(yearPurchases, yearLargest, yearSpend));
            }
            states.add(new State(m.monthKey(), stage, stage.equals(churnedStage), tier));
        }
        return states;
    }
}
