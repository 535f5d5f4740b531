package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;

import java.time.YearMonth;
import org.apache.spark.sql.Column;

/** Month arithmetic for the periodic snapshots (month_key = yyyymm, in the business time zone). */
final class Months {

    private Months() {}

    static Column firstDay(Column monthKey) {
        return to_date(concat(monthKey.cast("string"), lit("01")), "yyyyMMdd");
    }

    static Column lastDay(Column monthKey) {
        return last_day(firstDay(monthKey));
    }

    /** The first instant after the month: events strictly before it belong to the month or earlier. */
    static Column endInstant(Column monthKey) {
        return to_timestamp(date_add(lastDay(monthKey), 1));
    }

    /** One row per month_key from {@code fromDate}'s month to {@code toDate}'s month (inclusive). */
    static Column monthKeysBetween(Column fromDate, Column toDate) {
        return expr("transform(sequence(trunc(" + sql(fromDate) + ", 'MM'), trunc(" + sql(toDate)
                + ", 'MM'), interval 1 month), d -> year(d) * 100 + month(d))");
    }

    static int previous(int monthKey) {
        return key(YearMonth.of(monthKey / 100, monthKey % 100).minusMonths(1));
    }

    static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    private static String sql(Column c) {
        return c.expr().sql();
    }

}
