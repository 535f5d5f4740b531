package io.crmlake.etl.marts.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.warehouse.rules.RuleSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-customer walk over months with the shipped rules (conf/rules, documented in docs/rules.md). */
class CustomerTimelineTest {

    RuleSet rules = DefaultRules.get();

    /** A month with a purchase of {@code amount} (0 = no purchase) and the given recency. */
    private static CustomerTimeline.Month month(int i, String amount, Integer recency, int accounts) {
        BigDecimal a = new BigDecimal(amount);
        boolean bought = a.signum() > 0 && accounts == 0;
        return new CustomerTimeline.Month(202401 + (i / 12) * 100 + i % 12, a, bought ? 1 : 0, bought ? 1 : 0,
                bought ? a : null, null, recency, i, accounts);
    }

    private List<CustomerTimeline.State> walk(LocalDate firstPurchase, List<CustomerTimeline.Month> months) {
        return CustomerTimeline.walk(rules.lifecycle(), rules.tiers(), firstPurchase, months);
    }

    @Test
    void aMemberIsUpgradedOnTheSinglePurchaseRuleAndKeepsTheTierAtTheReview() {
        // tiers.yml: senior on a single purchase >= 1000 (inclusive) or 2000 in the year; keep >= 1099.
        List<CustomerTimeline.Month> months = new ArrayList<>();
        months.add(month(0, "500", 5, 0));
        months.add(month(1, "600", 5, 0));
        months.add(month(2, "1000", 5, 0));
        for (int i = 3; i <= 12; i++) {
            months.add(month(i, "0", 30, 0));
        }
        List<CustomerTimeline.State> states = walk(LocalDate.of(2024, 1, 5), months);
        assertThat(states.get(0).tier()).isEqualTo("ordinary");
        assertThat(states.get(1).tier()).isEqualTo("ordinary"); // 1,100 cumulative, largest 600
        assertThat(states.get(2).tier()).isEqualTo("senior");   // one purchase of exactly 1,000
        assertThat(states.get(12).tier()).isEqualTo("senior");  // year spend 2,100 >= 1,099 keeps it
    }

    @Test
    void aMemberSpendingOneThousandAYearDropsAtTheReview() {
        // docs/rules.md, "member tier gaps": upgraded on one 1,000 purchase, dropped at review (keep 1,099).
        List<CustomerTimeline.Month> months = new ArrayList<>();
        months.add(month(0, "1000", 5, 0));
        for (int i = 1; i <= 12; i++) {
            months.add(month(i, "0", 30, 0));
        }
        List<CustomerTimeline.State> states = walk(LocalDate.of(2024, 1, 5), months);
        assertThat(states.get(11).tier()).isEqualTo("senior");
        assertThat(states.get(12).tier()).isEqualTo("ordinary");
    }

    @Test
    void aSilentCustomerChurnsAndIsWonBackByTheNextPurchase() {
        // lifecycle.yml: without a purchase cycle, churned after more than 365 days.
        List<CustomerTimeline.Month> months = new ArrayList<>();
        months.add(month(0, "100", 10, 0));
        for (int i = 1; i <= 12; i++) {
            months.add(month(i, "0", 10 + 30 * i + (i == 12 ? 5 : 0), 0));
        }
        months.add(month(13, "100", 3, 0));
        List<CustomerTimeline.State> states = walk(LocalDate.of(2024, 1, 20), months);
        assertThat(states.get(11).churned()).isFalse(); // 340 days
        assertThat(states.get(12).churned()).isTrue();  // 375 days
        assertThat(states.get(12).stage()).isEqualTo("churned");
        assertThat(states.get(13).churned()).isFalse();
    }

    @Test
    void aContractualCustomerWhoseAccountsCloseIsChurned() {
        List<CustomerTimeline.Month> months = List.of(month(0, "90", null, 1), month(1, "90", null, 1),
                month(2, "0", null, 0), month(3, "90", null, 1));
        List<CustomerTimeline.State> states = walk(null, months);
        assertThat(states).extracting(CustomerTimeline.State::churned).containsExactly(false, false, true, false);
        assertThat(states.get(0).tier()).isNull(); // bills are not purchases: no member tier
    }
}
