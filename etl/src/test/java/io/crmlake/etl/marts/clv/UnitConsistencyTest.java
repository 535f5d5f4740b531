package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.CalibratedBgNbd;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.clv.Span;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The mart's scorer gives the same customer the same P(alive), purchases, spend and CLV in money
 * whichever unit the model was fitted in: the classic bug of reading a weekly alpha with monthly
 * times (or a 30-day month) cannot happen, because customer times enter in days and every
 * conversion goes through Span.
 */
class UnitConsistencyTest {

    /** Fader, Hardie &amp; Lee (2005), CDNOW estimates, time unit weeks. */
    static final BgNbdModel CDNOW_WEEKS = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    /** Fader &amp; Hardie (2013) Gamma-Gamma CDNOW estimates p = 6.25, q = 3.74, gamma = 15.44. */
    static final GammaGammaModel CDNOW_SPEND = new GammaGammaModel(6.25, 3.74, 15.44);

    @Test
    void sameCustomerSameScoresInDaysWeeksAndMonths() {
        AnnualDiscountRate rate = new AnnualDiscountRate(0.10);
        CalibratedBgNbd weekly = new CalibratedBgNbd(CDNOW_WEEKS, ModelTimeUnit.WEEKS);
        Row inWeeks = new BuyerScorer(weekly.model(), ModelTimeUnit.WEEKS, CDNOW_SPEND, rate, 12)
                .score(2, 213, 272, 35.5, true);
        for (ModelTimeUnit unit : new ModelTimeUnit[] {ModelTimeUnit.DAYS, ModelTimeUnit.MONTHS}) {
            Row other = new BuyerScorer(weekly.inUnit(unit).model(), unit, CDNOW_SPEND, rate, 12)
                    .score(2, 213, 272, 35.5, true);
            for (int i = 0; i < BuyerScorer.SCORES.size(); i++) {
                assertThat(other.getDouble(i)).as(unit + " " + BuyerScorer.SCORES.fields()[i].name())
                        .isCloseTo(inWeeks.getDouble(i), within(1e-9 * Math.max(1, Math.abs(inWeeks.getDouble(i)))));
            }
        }
    }

    @Test
    void scoresAreThePapersFormulasAtTheCustomersWeeks() {
        // FHL (2005): a customer with x = 2, t_x = 30.43, T = 38.86 weeks expects 1.226 purchases in the
        // next 39 weeks. In days: t_x = 213 days (30.43 weeks), T = 272 days (38.86 weeks).
        BuyerScorer scorer = new BuyerScorer(CDNOW_WEEKS, ModelTimeUnit.WEEKS, CDNOW_SPEND, new AnnualDiscountRate(0.10), 12);
        assertThat(scorer.expectedPurchases(2, 213, 272, Span.weeks(39))).isCloseTo(1.226, within(0.001));
        Row scores = scorer.score(2, 213, 272, 35.5, true);
        assertThat(scores.getDouble(0)).isEqualTo(CDNOW_WEEKS.probabilityAlive(2, 213 / 7.0, 272 / 7.0));
        assertThat(scores.getDouble(3)).isEqualTo(CDNOW_SPEND.expectedAverageSpend(2, 35.5));
    }

    @Test
    void withoutUsableSpendOnlyTheTransactionModelScores() {
        Row scores = new BuyerScorer(CDNOW_WEEKS, ModelTimeUnit.WEEKS, CDNOW_SPEND, new AnnualDiscountRate(0.10), 12)
                .score(1, 10, 40, null, false);
        assertThat(scores.getDouble(0)).isBetween(0.0, 1.0);
        assertThat(scores.isNullAt(3)).isTrue();
        assertThat(scores.isNullAt(4)).isTrue();
    }

    @Test
    void monthsAreAveragedMonthsNotThirtyDays() {
        // 12 model months are one year of 365.25 days; 12 x 30 days would be 360.
        assertThat(Span.months(12).in(ModelTimeUnit.DAYS)).isEqualTo(365.25);
        assertThat(ClvSettings.timeUnit("months").days()).isEqualTo(365.25 / 12);
    }
}
