package io.crmlake.etl.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.model.segment.MemberTiers.Activity;
import io.crmlake.warehouse.rules.TierRules;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Women's-wear chain tiers (conf/rules/tiers.yml, from the programme text): ordinary after one
 * purchase; senior single >= 1000 or cumulative >= 2000, keep >= 1099; VIP single >= 2500 or
 * cumulative >= 4000, keep >= 2499; supreme single >= 3500 or cumulative >= 8000, keep >= 3499.
 */
class MemberTiersTest {

    private final TierRules tiers = DefaultRules.get().tiers();

    private String upgrade(String current, int purchases, String single, String cumulative) {
        return MemberTiers.upgrade(tiers, current, Activity.of(purchases, single, cumulative));
    }

    @Test
    void singlePurchaseBoundaries() {
        assertThat(upgrade(null, 1, "999.99", "999.99")).isEqualTo("ordinary");
        assertThat(upgrade(null, 1, "1000", "1000")).isEqualTo("senior");
        assertThat(upgrade(null, 1, "2499.99", "2499.99")).isEqualTo("senior");
        assertThat(upgrade(null, 1, "2500", "2500")).isEqualTo("vip");
        assertThat(upgrade(null, 1, "3499.99", "3499.99")).isEqualTo("vip");
        assertThat(upgrade(null, 1, "3500", "3500")).isEqualTo("supreme");
    }

    @Test
    void cumulativeBoundaries() {
        assertThat(upgrade(null, 4, "500", "1999.99")).isEqualTo("ordinary");
        assertThat(upgrade(null, 4, "500", "2000")).isEqualTo("senior");
        assertThat(upgrade(null, 9, "500", "4000")).isEqualTo("vip");
        assertThat(upgrade(null, 20, "500", "7999.99")).isEqualTo("vip");
        assertThat(upgrade(null, 20, "500", "8000")).isEqualTo("supreme");
    }

    @Test
    void highestQualifyingTierWinsAndUpgradesNeverLower() {
        // A single 2500 purchase also satisfies senior; the member gets vip, the highest.
        assertThat(upgrade("ordinary", 1, "2500", "2500")).isEqualTo("vip");
        assertThat(upgrade("vip", 1, "100", "100")).isEqualTo("vip");
        assertThat(upgrade(null, 0, "0", "0")).isNull();
    }

    @Test
    void yearlyReviewKeepBoundaries() {
        assertThat(MemberTiers.review(tiers, "senior", new BigDecimal("1099"))).isEqualTo("senior");
        assertThat(MemberTiers.review(tiers, "senior", new BigDecimal("1098.99"))).isEqualTo("ordinary");
        assertThat(MemberTiers.review(tiers, "vip", new BigDecimal("2499"))).isEqualTo("vip");
        assertThat(MemberTiers.review(tiers, "vip", new BigDecimal("2498.99"))).isEqualTo("senior");
        assertThat(MemberTiers.review(tiers, "supreme", new BigDecimal("3499"))).isEqualTo("supreme");
    }

    @Test
    void reviewDropsToTheHighestTierWhoseKeepIsMetNeverBelowOrdinary() {
        assertThat(MemberTiers.review(tiers, "supreme", new BigDecimal("3498.99"))).isEqualTo("vip");
        assertThat(MemberTiers.review(tiers, "supreme", new BigDecimal("1500"))).isEqualTo("senior");
        assertThat(MemberTiers.review(tiers, "supreme", new BigDecimal("0"))).isEqualTo("ordinary");
        assertThat(MemberTiers.review(tiers, "ordinary", new BigDecimal("0"))).isEqualTo("ordinary");
        // A review never raises: 5000 of annual spend keeps senior at senior.
        assertThat(MemberTiers.review(tiers, "senior", new BigDecimal("5000"))).isEqualTo("senior");
    }

    @Test
    void theGapBetweenUpgradeAndKeepIsIntended() {
        // Upgraded on one 1000 purchase, but 1000 a year is below senior's keep of 1099.
        String tier = upgrade(null, 1, "1000", "1000");
        assertThat(MemberTiers.review(tiers, tier, new BigDecimal("1000"))).isEqualTo("ordinary");
    }
}
