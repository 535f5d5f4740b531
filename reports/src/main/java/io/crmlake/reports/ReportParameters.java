package io.crmlake.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * What a report is about. Each report needs some of these (see {@link Report#required()}):
 * the monthly pack a period and an org unit, the worklist an org unit and a day, the
 * one-pager a customer.
 *
 * @param period     the reporting month (monthly pack)
 * @param orgUnitId  an org unit id from dim_org_unit, or {@code ALL} for the whole company
 * @param customerId a customer id from dim_customer (one-pager)
 * @param asOf       the day the worklist is printed for; open warnings due up to and after it
 */
public record ReportParameters(YearMonth period, String orgUnitId, String customerId, LocalDate asOf) {

    /** The org unit id that stands for the whole company in every mart. */
    public static final String ALL_ORG_UNITS = "ALL";

    public static ReportParameters monthlyPack(YearMonth period, String orgUnitId) {
        return new ReportParameters(period, orgUnitId, null, null);
    }

    public static ReportParameters worklist(String orgUnitId, LocalDate asOf) {
        return new ReportParameters(null, orgUnitId, null, asOf);
    }

    public static ReportParameters customer(String customerId) {
        return new ReportParameters(null, null, customerId, null);
    }

    /**
     * Parses request parameters as the API and the CLI receive them: {@code period=2025-06},
     * {@code org_unit=OU0001}, {@code customer_id=C000001}, {@code as_of=2025-06-30}. Unknown
     * keys are refused so that a typo does not silently render the wrong report.
     */
    public static ReportParameters parse(Map<String, String> request) {
        for (String key : request.keySet()) {
            if (!key.equals("period") && !key.equals("org_unit") && !key.equals("customer_id") && !key.equals("as_of")) {
                throw new InvalidReportParameterException(key,
                        "unknown parameter; use period (yyyy-MM), org_unit, customer_id or as_of (yyyy-MM-dd)");
            }
        }
        YearMonth period = text(request, "period").map(p -> {
            try {
                return YearMonth.parse(p);
            } catch (DateTimeParseException e) {
                throw new InvalidReportParameterException("period", "'" + p + "' is not a month; write it as yyyy-MM, e.g. 2025-06");
            }
        }).orElse(null);
        LocalDate asOf = text(request, "as_of").map(d -> {
            try {
                return LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new InvalidReportParameterException("as_of", "'" + d + "' is not a day; write it as yyyy-MM-dd, e.g. 2025-06-30");
            }
        }).orElse(null);
        return new ReportParameters(period, text(request, "org_unit").orElse(null),
                text(request, "customer_id").orElse(null), asOf);
    }

    private static Optional<String> text(Map<String, String> request, String key) {
        String value = request.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
