package io.crmlake.etl.star;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How far back dim_date reaches: the first fact's year, join dates included, but never centuries. */
class CalendarRangeTest {

    @Test
    void startsAtTheFirstTransactionYearWhenEveryoneJoinedLater() {
        assertThat(BuildJob.calendarStartYear(2023, 2024)).isEqualTo(2023);
    }

    @Test
    void reachesBackToTheEarliestJoinDate() {
        assertThat(BuildJob.calendarStartYear(2023, 2009)).isEqualTo(2009);
    }

    @Test
    void aJoinDateTypedAs1900IsCappedThirtyYearsBeforeTheFirstFact() {
        assertThat(BuildJob.calendarStartYear(2023, 1900)).isEqualTo(1993);
        assertThat(BuildJob.calendarStartYear(2023, 1)).isEqualTo(2023 - BuildJob.JOIN_YEARS_BEFORE_FIRST_FACT);
    }

    @Test
    void exactlyThirtyYearsBackIsStillCovered() {
        assertThat(BuildJob.calendarStartYear(2023, 1993)).isEqualTo(1993);
        assertThat(BuildJob.calendarStartYear(2023, 1992)).isEqualTo(1993);
    }

    @Test
    void withoutCustomersTheFactYearStands() {
        assertThat(BuildJob.calendarStartYear(2024, null)).isEqualTo(2024);
    }
}
