package io.crmlake.api.reports;

import io.crmlake.reports.InvalidReportParameterException;
import io.crmlake.reports.Report;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the relative parameter values a schedule may use into the absolute ones the renderer
 * takes, so that the archive records exactly what was rendered:
 * <ul>
 *   <li>{@code period: previous-month} → the month before the run day (business zone);
 *       {@code period: latest-month} → the latest month of the latest KPI run in the catalog;</li>
 *   <li>{@code as_of: today} → the run day; {@code as_of: latest} → the latest warning run in the
 *       catalog; a worklist without {@code as_of} is for the run day, as the renderer would take it.</li>
 * </ul>
 */
final class RelativeParameters {

    static final String PREVIOUS_MONTH = "previous-month";
    static final String LATEST_MONTH = "latest-month";
    static final String TODAY = "today";
    static final String LATEST = "latest";

    private RelativeParameters() {
    }

    static Map<String, String> resolve(Report report, Map<String, String> given, Connection catalog, LocalDate today)
            throws SQLException {
        Map<String, String> resolved = new LinkedHashMap<>(given);
        String period = given.get("period");
        if (PREVIOUS_MONTH.equals(period)) {
            resolved.put("period", YearMonth.from(today).minusMonths(1).toString());
        } else if (LATEST_MONTH.equals(period)) {
            Object month = single(catalog, "SELECT max(month_key) FROM mart_kpi WHERE as_of_date = (SELECT max(as_of_date) FROM mart_kpi)");
            if (month == null) {
                throw new InvalidReportParameterException("period", "latest-month: the catalog has no KPI run yet; run `crmlake marts` and `crmlake publish`, or give a month as yyyy-MM");
            }
            int key = ((Number) month).intValue();
            resolved.put("period", YearMonth.of(key / 100, key % 100).toString());
        }
        String asOf = given.get("as_of");
        if (TODAY.equals(asOf) || (asOf == null && report == Report.WARNING_WORKLIST)) {
            resolved.put("as_of", today.toString());
        } else if (LATEST.equals(asOf)) {
            Object day = single(catalog, "SELECT max(as_of_date) FROM mart_warning");
            resolved.put("as_of", day == null ? today.toString() : day.toString());
        }
        return resolved;
    }

    private static Object single(Connection catalog, String sql) throws SQLException {
        try (Statement s = catalog.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }
}
