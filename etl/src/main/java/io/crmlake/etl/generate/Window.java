package io.crmlake.etl.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The generated months: boundaries in epoch seconds at the spec's offset, and batch ids (yyyy-MM). */
final class Window {

    static final long DAY = 86_400L;
    static final long WEEK = 7 * DAY;

    final YearMonth start;
    final int months;
    final ZoneOffset offset;
    private final long[] bounds;

    Window(YearMonth start, int months, ZoneOffset offset) {
        this.start = start;
        this.months = months;
        this.offset = offset;
        this.bounds = new long[months + 1];
        for (int m = 0; m <= months; m++) {
            bounds[m] = start.plusMonths(m).atDay(1).atStartOfDay().toEpochSecond(offset);
        }
    }

    long monthStart(int m) {
        return bounds[m];
    }

    /** Exclusive end: the first second of the next month. */
    long monthEnd(int m) {
        return bounds[m + 1];
    }

    long end() {
        return bounds[months];
    }

    YearMonth month(int m) {
        return start.plusMonths(m);
    }

    String batch(int m) {
        return month(m).toString();
    }

    LocalDate lastDay(int m) {
        return month(m).atEndOfMonth();
    }

    /** Index of the month holding {@code ts}, or -1 / months when outside. */
    int monthOf(long ts) {
        if (ts < bounds[0]) {
            return -1;
        }
        for (int m = 0; m < months; m++) {
            if (ts < bounds[m + 1]) {
                return m;
            }
        }
        return months;
    }

    /** A random second in month m between the given local hours (business hours). */
    long randomTime(int m, Rng rng, int fromHour, int toHour) {
        int days = month(m).lengthOfMonth();
        long day = bounds[m] + rng.below(days) * DAY;
        return day + fromHour * 3600L + rng.belowLong((toHour - fromHour) * 3600L);
    }

    long epochSecond(LocalDate date, int hour) {
        return date.atStartOfDay().toEpochSecond(offset) + hour * 3600L;
    }
}
