package io.crmlake.api.reports;

import io.crmlake.reports.InvalidReportParameterException;
import io.crmlake.reports.Report;
import io.crmlake.reports.ReportLocales;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One report to render, as the API or a schedule asks for it: the report, its parameters as
 * text (possibly relative, see {@link RelativeParameters}) and the language. The report id and
 * the locale are checked here; the parameters when the catalog is at hand.
 */
public record ReportRequest(Report report, Map<String, String> parameters, Locale locale) {

    public static final String DEFAULT_LOCALE = "zh-CN";

    /**
     * @throws InvalidReportParameterException naming {@code report} (unknown report) or {@code locale}
     */
    public static ReportRequest of(String reportId, Map<String, String> parameters, String localeTag) {
        Report report = Report.byId(reportId);
        String tag = localeTag == null || localeTag.isBlank() ? DEFAULT_LOCALE : localeTag.trim();
        if (tag.length() > 35) {
            throw new InvalidReportParameterException("locale", "'" + tag.substring(0, 35) + "…' is not supported; use zh-CN or en");
        }
        Locale asked = Locale.forLanguageTag(tag.replace('_', '-'));
        if (asked.getLanguage().isEmpty()) {
            throw new InvalidReportParameterException("locale", "'" + tag + "' is not a language tag; use zh-CN or en");
        }
        Locale locale = ReportLocales.resolve(asked);
        return new ReportRequest(report, new LinkedHashMap<>(parameters), locale);
    }

    /** zh-CN or en, as written in file names, metadata and the API. */
    public String localeTag() {
        return locale.toLanguageTag();
    }
}
