package io.crmlake.etl.marts.kpi;

import io.crmlake.warehouse.rules.KpiTarget.Period;
import java.time.YearMonth;

/**
 * Calendar periods to date. A KPI row for month M and a quarterly period covers the quarter's
 * first month up to M; its base is the month before the quarter (churn base, snapshot 拍照).
 */
final class Periods {

    private Periods() {}

    static int startMonth(Period period, int monthKey) {
        int year = monthKey / 100;
        int month = monthKey % 100;
        return switch (period) {
            case MONTHLY -> monthKey;
            case QUARTERLY -> year * 100 + ((month - 1) / 3) * 3 + 1;
            case YEARLY -> year * 100 + 1;
        };
    }

    static int baseMonth(Period period, int monthKey) {
        return key(month(startMonth(period, monthKey)).minusMonths(1));
    }

    static YearMonth month(int key) {
        return YearMonth.of(key / 100, key % 100);
    }

    static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** Spark SQL for the period's first month of a month_key column. */
    static String startMonthSql(Period period, String monthKey) {
        return switch (period) {
            case MONTHLY -> monthKey;
            case QUARTERLY -> "(" + monthKey + " DIV 100) * 100 + ((" + monthKey + " % 100 - 1) DIV 3) * 3 + 1";
            case YEARLY -> "(" + monthKey + " DIV 100) * 100 + 1";
        };
    }

    /** Spark SQL for the month before a month_key expression. */
    static String previousMonthSql(String monthKey) {
        return "CASE WHEN (" + monthKey + ") % 100 = 1 THEN (" + monthKey + ") - 89 ELSE (" + monthKey + ") - 1 END";
    }
}
