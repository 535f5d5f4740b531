package io.crmlake.reports;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The languages the reports are written in, and their label bundles. */
public final class ReportLocales {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    static final String BUNDLE = "reports.i18n.labels";

    private ReportLocales() {}

    /** zh, zh-CN, zh-Hans-CN → zh_CN; en, en-GB, en-US → en; anything else is refused. */
    public static Locale resolve(Locale requested) {
        if (requested == null) {
            throw new InvalidReportParameterException("locale", "missing; use zh-CN or en");
        }
        return switch (requested.getLanguage()) {
            case "zh" -> {
                if (!requested.getCountry().isEmpty() && !requested.getCountry().equals("CN")
                        || !requested.getScript().isEmpty() && !requested.getScript().equals("Hans")) {
                    throw new InvalidReportParameterException("locale", "'" + requested.toLanguageTag()
                            + "' is not supported; the reports are written in Simplified Chinese (zh-CN) and English (en)");
                }
                yield CHINESE;
            }
            case "en" -> ENGLISH;
            default -> throw new InvalidReportParameterException("locale", "'" + requested.toLanguageTag()
                    + "' is not supported; use zh-CN or en");
        };
    }

    /**
     * The labels of one supported locale. No fallback to the JVM's default locale: an English
     * report on a server set to zh_CN must still be English.
     */
    public static ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, resolve(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
