package io.crmlake.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label lookups the templates call for codes that come from data (segment ids, warning types,
 * channels, KPI names): the bundle's label when there is one, the code itself otherwise, so a
 * code added by a later rules version still prints instead of failing the report.
 */
public final class Labels {

    /**
     * Formatters by pattern, locale and zone. A worklist calls {@link #date} twice a row, and
     * building a SimpleDateFormat each time (locale data, calendar) was the largest single cost
     * of filling a 2,000-row worklist; DateTimeFormatter is immutable and shared across threads.
     */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private Labels() {}

    /** {@code code(bundle, "warning", "contract_expiring")} → the label of {@code warning.contract_expiring}. */
    public static String code(ResourceBundle bundle, String prefix, Object code) {
        if (code == null) {
            return "—";
        }
        String key = prefix + "." + code;
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : code.toString();
    }

    /**
     * A date or time in the report's language and business time zone (REPORT_TIME_ZONE), with a
     * pattern from the bundle; "—" when there is none. Templates use this rather than a bare
     * SimpleDateFormat, which would format in the JVM's zone.
     */
    public static String date(Date value, String pattern, Locale locale, TimeZone zone) {
        if (value == null) {
            return "—";
        }
        ZoneId zoneId = zone != null ? zone.toZoneId() : ZoneId.systemDefault();
        DateTimeFormatter format = FORMATTERS.computeIfAbsent(pattern + '\u0000' + locale + '\u0000' + zoneId,
                key -> DateTimeFormatter.ofPattern(pattern, locale).withZone(zoneId));
        // getTime(), not toInstant(): java.sql.Date refuses toInstant()
        return format.format(Instant.ofEpochMilli(value.getTime()));
    }
}
