package io.crmlake.etl.marts;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Month arithmetic of the marts. Months are keyed yyyymm; a month index (year × 12 + month − 1)
 * makes "the month before" and "a year before" plain subtraction.
 */
public final class AnalysisMonths {

    private AnalysisMonths() {}

    /**
     * The last month wholly on or before {@code asOf}: the month of asOf when asOf is its last
     * day, else the month before. Data after the as-of date must not leak into a mart, and
     * fact_customer_month holds whole months.
     */
    public static int lastCompleteMonth(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return key(asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1));
    }

    public static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    public static YearMonth month(int key) {
        return YearMonth.of(key / 100, key % 100);
    }

    public static int plus(int key, int months) {
        return key(month(key).plusMonths(months));
    }

    /** The month index of a yyyymm key column, as a Spark expression. */
    public static org.apache.spark.sql.Column index(org.apache.spark.sql.Column monthKey) {
        return org.apache.spark.sql.functions.floor(monthKey.divide(100)).multiply(12)
                .plus(monthKey.mod(100)).minus(1).cast("int");
    }
}
