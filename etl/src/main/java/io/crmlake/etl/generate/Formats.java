package io.crmlake.etl.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** How values are spelled in landing CSV: ISO-8601 with offset, yyyy-MM-dd, 2-decimal money. */
final class Formats {

    private Formats() {}

    /** e.g. 2024-03-05T14:22:10+08:00 (seconds always present; never "Z"). */
    static String timestamp(long epochSecond, ZoneOffset offset) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
        StringBuilder sb = new StringBuilder(25);
        sb.append(t.toLocalDate()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        sb.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
        return sb.toString();
    }

    static String date(LocalDate d) {
        return d.toString();
    }

    static LocalDate localDate(long epochSecond, ZoneOffset offset) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, offset).toLocalDate();
    }

    /** Money from whole cents, exactly two decimals, built by BigDecimal (never a double's toString). */
    static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    static long cents(double amount) {
        return Math.round(amount * 100.0);
    }

    static String bool(boolean b) {
        return b ? "true" : "false";
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
