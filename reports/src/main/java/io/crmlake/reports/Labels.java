package io.crmlake.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * Label lookups the templates call for codes that come from data (segment ids, warning types,
 * channels, KPI names): the bundle's label when there is one, the code itself otherwise, so a
 * code added by a later rules version still prints instead of failing the report.
 */
public final class Labels {

    private static final ObjectMapper JSON = new ObjectMapper();

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
     * {@code codes(bundle, "segment", "not_yet_customer → high", " → ")}: each code of a joined
     * list labelled like {@link #code}, joined again with the same separator.
     */
    public static String codes(ResourceBundle bundle, String prefix, String joined, String separator) {
        if (joined == null) {
            return "—";
        }
        StringBuilder labelled = new StringBuilder();
        for (String part : joined.split(java.util.regex.Pattern.quote(separator), -1)) {
            labelled.append(labelled.length() == 0 ? "" : separator).append(code(bundle, prefix, part.trim()));
        }
        return labelled.toString();
    }

    /**
     * A sentence the data carries, said in the report's language: the bundle's pattern
     * {@code prefix.code} (a MessageFormat) over {@code valuesJson}, the sentence's values as a
     * JSON array of strings (mart_warning.detail_args). {@code asWritten}, the sentence as the
     * data wrote it, when the bundle has no pattern for the code or the row has no values (rows
     * written before detail_args existed), so such a row still prints.
     */
    public static String sentence(ResourceBundle bundle, String prefix, Object code, String valuesJson, String asWritten) {
        String key = prefix + "." + code;
        if (bundle == null || code == null || valuesJson == null || !bundle.containsKey(key)) {
            return asWritten;
        }
        try {
            Object[] values = JSON.readValue(valuesJson, String[].class);
            return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(values);
        } catch (JsonProcessingException malformed) {
            return asWritten;
        }
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
        SimpleDateFormat format = new SimpleDateFormat(pattern, locale);
        if (zone != null) {
            format.setTimeZone(zone);
        }
        return format.format(value);
    }
}
