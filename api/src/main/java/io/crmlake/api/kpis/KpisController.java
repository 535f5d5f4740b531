package io.crmlake.api.kpis;

import io.crmlake.api.catalog.CatalogGeneration;
import io.crmlake.api.catalog.CatalogSession;
import io.crmlake.api.catalog.LiveCatalog;
import io.crmlake.api.catalog.ServedTables;
import io.crmlake.api.catalog.TableReader;
import io.crmlake.api.problems.BadParameterException;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPI actuals against targets for one month and org unit, from mart_kpi. Each run of the KPI
 * job writes its own as_of_date slice, so only the latest one is read: an older run's rows for
 * the same month are superseded, not additional KPIs.
 */
@RestController
class KpisController {

    /** Company-wide rows of mart_kpi carry this org unit id. */
    static final String ALL = "ALL";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})-?(\\d{2})");

    private final LiveCatalog catalog;
    private final ServedTables tables;

    KpisController(LiveCatalog catalog, ServedTables tables) {
        this.catalog = catalog;
        this.tables = tables;
    }

    record Kpis(Integer period, String orgUnit, LocalDate asOfDate, Instant publishedAt, List<Integer> periods,
                List<Map<String, Object>> kpis) {
    }

    @Operation(summary = "KPI actual, target and status (met, missed, no_target, no_data) from the latest KPI run (as_of_date) for a month (yyyymm or yyyy-mm; default the latest) and org unit (default ALL)")
    @GetMapping("/api/kpis")
    Kpis kpis(@RequestParam(required = false) String period,
              @RequestParam(name = "org_unit", required = false) String orgUnit) throws SQLException {
        Integer month = period == null || period.isBlank() ? null : monthKey(period);
        String unit = orgUnit == null || orgUnit.isBlank() ? ALL : orgUnit;
        if (unit.length() > 100 || unit.indexOf('\0') >= 0) {
            throw new BadParameterException("org_unit", "org_unit: an org unit id is at most 100 characters without NUL");
        }
        try (CatalogSession session = catalog.session()) {
            Connection connection = session.connection();
            CatalogGeneration g = session.generation();
            TableReader reader = new TableReader(connection, tables, g);
            List<Object> runs = reader.distinctDescending("mart_kpi", "as_of_date", "TRUE", 1);
            if (runs.isEmpty()) {
                return new Kpis(null, unit, null, g.publishedAt(), List.of(), List.of());
            }
            LocalDate asOf = (LocalDate) runs.get(0);
            List<Integer> periods = reader.distinctDescending("mart_kpi", "month_key",
                            "\"as_of_date\" = ? AND \"org_unit_id\" = ?", 60, asOf, unit)
                    .stream().map(v -> ((Number) v).intValue()).toList();
            Integer shown = month != null ? month : periods.isEmpty() ? null : periods.get(0);
            List<Map<String, Object>> rows = shown == null ? List.of() : reader.rows("mart_kpi",
                    "\"as_of_date\" = ? AND \"month_key\" = ? AND \"org_unit_id\" = ?",
                    "\"kpi\", \"variant\", \"scope\", \"period\"", 1000, asOf, shown, unit);
            return new Kpis(shown, unit, asOf, g.publishedAt(), periods, rows);
        }
    }

    static int monthKey(String period) {
        Matcher m = PERIOD.matcher(period.trim());
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
            String shown = period.length() > 40 ? period.substring(0, 40) + "…" : period;
            throw new BadParameterException("period", "period: '" + shown + "' is not a month; use yyyymm or yyyy-mm, e.g. 2024-03");
        }
        return Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
    }
}
