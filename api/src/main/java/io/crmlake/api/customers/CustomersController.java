package io.crmlake.api.customers;

import io.crmlake.api.catalog.CatalogGeneration;
import io.crmlake.api.catalog.CatalogSession;
import io.crmlake.api.catalog.LiveCatalog;
import io.crmlake.api.catalog.ServedTables;
import io.crmlake.api.catalog.TableReader;
import io.crmlake.api.problems.BadParameterException;
import io.crmlake.api.problems.NotFoundException;
import io.crmlake.api.security.PersonalData;
import io.crmlake.warehouse.catalog.Table;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The one-customer view: profile, value, segments, recent activity and open warnings. */
@RestController
class CustomersController {

    static final int RECENT = 20;
    static final int SEGMENT_HISTORY = 240;

    private final LiveCatalog catalog;
    private final ServedTables tables;
    private final PersonalData personalData;

    CustomersController(LiveCatalog catalog, ServedTables tables, PersonalData personalData) {
        this.catalog = catalog;
        this.tables = tables;
        this.personalData = personalData;
    }

    @Operation(summary = "One customer: profile (personal data masked below the analyst role), CLV, segments, recent transactions and touchpoints, open warnings")
    @GetMapping("/api/customers/{id}")
    CustomerView customer(@PathVariable String id, Authentication caller) throws SQLException {
        if (id.length() > 100 || id.indexOf('\0') >= 0 || id.isBlank()) {
            throw new BadParameterException("id", "id: a customer id is 1 to 100 characters without NUL");
        }
        try (CatalogSession session = catalog.session()) {
            Connection connection = session.connection();
            CatalogGeneration g = session.generation();
            TableReader reader = new TableReader(connection, tables, g);
            List<Map<String, Object>> profile = reader.rows("dim_customer",
                    "\"customer_id\" = ? AND \"is_current\"", "\"version\" DESC", 1, id);
            if (profile.isEmpty()) {
                throw new NotFoundException("no customer with id '" + id + "' in dim_customer");
            }
            Table dimCustomer = reader.table("dim_customer").orElseThrow();
            Map<String, Object> shown = personalData.apply(caller, dimCustomer.columns(), profile.get(0));
            Object valueRun = latestRun(reader, "mart_customer_value");
            List<Map<String, Object>> value = valueRun == null ? List.of() : reader.rows("mart_customer_value",
                    "\"as_of_date\" = ? AND \"customer_id\" = ?", "", 1, valueRun, id);
            Object warningRun = latestRun(reader, "mart_warning");
            List<Map<String, Object>> openWarnings = warningRun == null ? List.of() : reader.rows("mart_warning",
                    "\"as_of_date\" = ? AND \"customer_id\" = ? AND \"status\" = ?", "\"due_date\", \"warning_id\"", 100,
                    warningRun, id, "open");
            List<Map<String, Object>> history = reader.rows("mart_segment_month",
                    "\"customer_id\" = ?", "\"month_key\" DESC, \"scheme\"", SEGMENT_HISTORY, id);
            return new CustomerView(id, g.publishedAt(), shown,
                    value.isEmpty() ? null : value.get(0),
                    latestPerScheme(history),
                    history,
                    reader.rows("fact_transaction", "\"customer_id\" = ?", "\"txn_ts\" DESC", RECENT, id),
                    reader.rows("fact_touchpoint", "\"customer_id\" = ?", "\"ts\" DESC", RECENT, id),
                    openWarnings);
        }
    }

    /**
     * The as_of_date of the mart's latest run, or null when it has none. Each run writes its own
     * slice: a warning still open in an older run may have been completed since, and a customer
     * missing from the latest CLV run is not scored today, so older slices are never shown.
     */
    private static Object latestRun(TableReader reader, String mart) throws SQLException {
        List<Object> runs = reader.distinctDescending(mart, "as_of_date", "TRUE", 1);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** History is newest first, so the first row seen for a scheme is its current segment. */
    private static List<Map<String, Object>> latestPerScheme(List<Map<String, Object>> history) {
        Map<Object, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> row : history) {
            latest.putIfAbsent(row.get("scheme"), row);
        }
        return new ArrayList<>(latest.values());
    }
}
