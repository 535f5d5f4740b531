package io.crmlake.etl.model.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.model.warning.CompletionMatcher.Contact;
import io.crmlake.etl.model.warning.CompletionMatcher.Resolution;
import io.crmlake.etl.model.warning.CompletionMatcher.Task;
import io.crmlake.warehouse.rules.Bound;
import io.crmlake.warehouse.rules.Range;
import io.crmlake.warehouse.rules.WarningRules;
import io.crmlake.warehouse.rules.WarningRules.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-checked cases for the early-warning rules (conf/rules/warnings.yml as shipped). */
class WarningModelTest {

    private final WarningRules rules = DefaultRules.get().warnings();

    private Range when(String trigger) {
        return rules.trigger(trigger).orElseThrow().when();
    }

    @Test
    void balanceOf30AtABurnOf10ADayLastsThreeDaysAndWarns() {
        // 300 spent over a 30-day month = 10 a day; 30 / 10 = 3 days (<= 7 warns).
        BigDecimal days = BalanceRunway.daysLeft(new BigDecimal("30.00"), new BigDecimal("300.00"), 30).orElseThrow();
        assertThat(days).isEqualByComparingTo("3");
        assertThat(when("balance_running_out").contains(days)).isTrue();
    }

    @Test
    void balanceRunwayEdges() {
        // Exactly 7 days warns (inclusive bound); 7.01 does not.
        assertThat(when("balance_running_out").contains(BalanceRunway.daysLeft(new BigDecimal("70"), new BigDecimal("300"), 30).orElseThrow())).isTrue();
        assertThat(when("balance_running_out").contains(BalanceRunway.daysLeft(new BigDecimal("70.10"), new BigDecimal("300"), 30).orElseThrow())).isFalse();
        // Nothing spent: no burn, no days-left figure, no NaN.
        assertThat(BalanceRunway.daysLeft(new BigDecimal("5"), BigDecimal.ZERO, 30)).isEmpty();
        // Used up: 0 days.
        assertThat(BalanceRunway.daysLeft(new BigDecimal("-3"), new BigDecimal("90"), 30)).contains(BigDecimal.ZERO);
    }

    @Test
    void contractExpiryIsRaisedThirtyDaysBeforeTheEnd() {
        LocalDate end = LocalDate.of(2024, 6, 30);
        assertThat(ExpiryWarning.raisedOn(when("contract_expiring"), end, LocalDate.of(2023, 6, 30))).contains(LocalDate.of(2024, 5, 31));
        // Opened 10 days before its end: raised on the opening day, not before the account existed.
        assertThat(ExpiryWarning.raisedOn(when("contract_expiring"), end, LocalDate.of(2024, 6, 20))).contains(LocalDate.of(2024, 6, 20));
        // Exclusive upper bound 30: the largest whole days-left value inside is 29.
        Range exclusive = new Range(Bound.inclusive("0"), Bound.exclusive("30"));
        assertThat(ExpiryWarning.raisedOn(exclusive, end, null)).contains(LocalDate.of(2024, 6, 1));
    }

    @Test
    void overdueStartsTheDayAfterOneAndAHalfCycles() {
        // Purchases on days 0, 10, 20: cycle 10 days; more than 1.5 cycles = day 16 after the last.
        assertThat(OverdueWarning.firstOverdueDay(when("purchase_overdue"), 20, 2)).hasValue(16);
        // Cycle 20/3 days: 1.5 cycles is exactly day 10, which is not yet overdue (exclusive), day 11 is.
        assertThat(OverdueWarning.firstOverdueDay(when("purchase_overdue"), 20, 3)).hasValue(11);
        // An inclusive bound warns on day 10 itself.
        assertThat(OverdueWarning.firstOverdueDay(Range.atLeast(Bound.inclusive("1.5")), 20, 3)).hasValue(10);
        // One purchase: no cycle yet, no warning.
        assertThat(OverdueWarning.firstOverdueDay(when("purchase_overdue"), 0, 0)).isEmpty();
    }

    private static Contact contact(String id, int day, String channel, String outcome, boolean consent) {
        LocalDate d = LocalDate.of(2024, 3, day);
        return new Contact(id, d.atTime(10, 0), d, channel, outcome, consent, false);
    }

    @Test
    void onlyAConsentedQualifyingContactInTheWindowCompletes() {
        // Raised 2024-03-01, due in 2 days, window 5 days (balance_running_out).
        Task task = new Task("w1", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 6), Set.of("reached", "responded", "converted"));
        Contact unconsented = contact("t-day2-sms", 2, "sms", "reached", false);
        Contact refused = contact("t-day3-phone", 3, "phone", "refused", true);
        Contact consented = contact("t-day4-phone", 4, "phone", "reached", true);
        Contact tooLate = contact("t-day7-phone", 7, "phone", "converted", true);

        Resolution r = CompletionMatcher.resolve(task, List.of(tooLate, consented, refused, unconsented), LocalDate.of(2024, 3, 31));
        assertThat(r.status()).isEqualTo(WarningStatus.COMPLETED);
        assertThat(r.completedBy()).map(Contact::touchpointId).contains("t-day4-phone");

        Resolution withoutConsent = CompletionMatcher.resolve(task, List.of(unconsented, refused, tooLate), LocalDate.of(2024, 3, 31));
        assertThat(withoutConsent.status()).isEqualTo(WarningStatus.EXPIRED);
        assertThat(withoutConsent.completedBy()).isEmpty();

        // Seen on day 3, the window is still running: open, and the day-4 contact is not known yet.
        assertThat(CompletionMatcher.resolve(task, List.of(unconsented, consented), LocalDate.of(2024, 3, 3)).status())
                .isEqualTo(WarningStatus.OPEN);
        // A control-group member was not contacted.
        Contact control = new Contact("t-control", LocalDate.of(2024, 3, 2).atTime(9, 0), LocalDate.of(2024, 3, 2), "phone", "reached", true, true);
        assertThat(CompletionMatcher.resolve(task, List.of(control), LocalDate.of(2024, 3, 31)).status()).isEqualTo(WarningStatus.EXPIRED);
    }

    @Test
    void suggestedChannelRespectsConsent() {
        assertThat(SuggestedChannel.suggest(Kind.BALANCE_DAYS_LEFT, true, true, true)).isEqualTo("phone");
        assertThat(SuggestedChannel.suggest(Kind.BALANCE_DAYS_LEFT, false, null, true)).isEqualTo("email");
        assertThat(SuggestedChannel.suggest(Kind.BIRTHDAY_NEXT_MONTH, true, true, false)).isEqualTo("sms");
        assertThat(SuggestedChannel.suggest(Kind.CONTRACT_DAYS_LEFT, false, false, false)).isEqualTo("visit");
    }
}
