package io.crmlake.etl.model.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;

class DiscountedClvTest {

    /** CDNOW BG/NBD estimates in weeks, Fader, Hardie &amp; Lee (2005), section 5. */
    private static final CalibratedBgNbd WEEKLY =
            new CalibratedBgNbd(new BgNbdModel(0.243, 4.414, 0.793, 2.426), ModelTimeUnit.WEEKS);
    /** CDNOW Gamma-Gamma estimates, Fader &amp; Hardie (2013). */
    private static final GammaGammaModel SPEND = new GammaGammaModel(6.25, 3.74, 15.44);
    private static final AnnualDiscountRate TEN_PERCENT = new AnnualDiscountRate(0.10);

    private static CustomerHistory paperCustomerIn(ModelTimeUnit unit) {
        // x = 2, t_x = 30.43 weeks, T = 38.86 weeks (FHL 2005, section 5), re-expressed in `unit`.
        return new CustomerHistory(2, Span.weeks(30.43).to(unit), Span.weeks(38.86).to(unit));
    }

    @Test
    void unitConversionsAreExact() {
        assertThat(Span.months(1).in(ModelTimeUnit.DAYS)).isEqualTo(30.4375);
        assertThat(Span.weeks(2).in(ModelTimeUnit.DAYS)).isEqualTo(14.0);
        assertThat(Span.years(1).in(ModelTimeUnit.MONTHS)).isCloseTo(12.0, within(1e-12));
        assertThat(Span.days(7).to(ModelTimeUnit.WEEKS)).isEqualTo(Span.weeks(1));
    }

    @Test
    void mixingUnitsIsNeverImplicit() {
        assertThatThrownBy(() -> Span.weeks(2).plus(Span.months(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("convert");
        assertThat(Span.weeks(2).plus(Span.months(1).to(ModelTimeUnit.WEEKS)).in(ModelTimeUnit.DAYS))
                .isCloseTo(14 + 30.4375, within(1e-12));
        assertThatThrownBy(() -> new Span(-1, ModelTimeUnit.DAYS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Span(1, null)).isInstanceOf(NullPointerException.class);
        // A horizon in months handed to a weekly model is converted, not misread as weeks:
        double viaMonths = WEEKLY.conditionalExpectedPurchases(paperCustomerIn(ModelTimeUnit.WEEKS), Span.months(9));
        double viaWeeks = WEEKLY.conditionalExpectedPurchases(paperCustomerIn(ModelTimeUnit.WEEKS),
                Span.weeks(9 * 30.4375 / 7));
        assertThat(viaMonths).isCloseTo(viaWeeks, within(1e-12));
    }

    /** FHL (2005) section 5: 1.226 purchases in the next 39 weeks, whatever unit the model is in. */
    @Test
    void paperExpectationIsUnitInvariant() {
        for (ModelTimeUnit unit : ModelTimeUnit.values()) {
            double e = WEEKLY.inUnit(unit).conditionalExpectedPurchases(paperCustomerIn(unit), Span.weeks(39));
            assertThat(e).as("%s", unit).isCloseTo(1.226, within(5e-4));
        }
    }

    @Test
    void sameCustomerInDaysWeeksOrMonthsHasTheSameClv() {
        Span horizon = Span.years(2);
        Span period = Span.months(1);
        double reference = new DiscountedClv(WEEKLY, SPEND, TEN_PERCENT, period)
                .value(paperCustomerIn(ModelTimeUnit.WEEKS), 35.0, horizon);
        assertThat(reference).isPositive();
        for (ModelTimeUnit unit : ModelTimeUnit.values()) {
            DiscountedClv clv = new DiscountedClv(WEEKLY.inUnit(unit), SPEND, TEN_PERCENT, period.to(unit));
            double value = clv.value(paperCustomerIn(unit), 35.0, horizon.to(unit));
            assertThat(value).as("%s", unit).isCloseTo(reference, within(1e-6 * reference));
        }
    }

    /** With d = 0 the sum telescopes: CLV = E[Y(H) | x, t_x, T] * E(M | x, m). */
    @Test
    void undiscountedClvIsExpectedPurchasesTimesExpectedSpend() {
        CustomerHistory c = paperCustomerIn(ModelTimeUnit.WEEKS);
        double clv = new DiscountedClv(WEEKLY, SPEND, new AnnualDiscountRate(0), Span.weeks(1))
                .value(c, 35.0, Span.weeks(39));
        assertThat(clv).isCloseTo(WEEKLY.conditionalExpectedPurchases(c, Span.weeks(39))
                * SPEND.expectedAverageSpend(2, 35.0), within(1e-10));
        double discounted = new DiscountedClv(WEEKLY, SPEND, TEN_PERCENT, Span.weeks(1)).value(c, 35.0, Span.weeks(39));
        assertThat(discounted).isLessThan(clv);
    }

    @Test
    void annualRateCompoundsToTheYear() {
        double monthly = TEN_PERCENT.perPeriod(Span.months(1));
        assertThat(Math.pow(1 + monthly, 12)).isCloseTo(1.10, within(1e-12));
        assertThat(TEN_PERCENT.perPeriod(Span.days(365.25))).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void horizonMustBeAWholeNumberOfPeriods() {
        DiscountedClv clv = new DiscountedClv(WEEKLY, SPEND, TEN_PERCENT, Span.weeks(1));
        assertThatThrownBy(() -> clv.value(paperCustomerIn(ModelTimeUnit.WEEKS), 35.0, Span.days(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of periods");
        assertThatThrownBy(() -> new CustomerHistory(1, Span.weeks(5), Span.days(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds age");
    }
}
