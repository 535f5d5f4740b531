package io.crmlake.reports;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mart columns the reports read, as agreed across the team, for marts whose catalog file
 * (warehouse catalog/marts/*.yml) has not landed on this branch yet. Test-only and
 * provisional: {@link ServingCatalogFixture} uses the catalog's definition whenever it has
 * one, so these fall away as the mart branches merge.
 */
final class AgreedMarts {

    private AgreedMarts() {}

    private static final Map<String, String> COLUMNS = Map.of(
            "mart_customer_value", "as_of_date date, customer_id string, relationship string, x int, t_x double,"
                    + " t_cal double, time_unit string, avg_repeat_spend decimal(18,2), historical_revenue decimal(18,2),"
                    + " historical_margin decimal(18,2), p_alive double, expected_purchases_90d double,"
                    + " expected_purchases_365d double, expected_avg_spend decimal(18,2), clv decimal(18,2),"
                    + " clv_horizon_months int, clv_decile int, value_band string, model string, status string",
            "mart_segment_month", "month_key int, scheme string, customer_id string, segment string, segment_rank int,"
                    + " revenue decimal(18,2)",
            "mart_contribution_curve", "as_of_date date, dimension string, dimension_value string, measure string,"
                    + " point int, customer_share double, value_share double",
            "mart_contribution_summary", "as_of_date date, dimension string, dimension_value string, measure string,"
                    + " customers bigint, total decimal(18,2), top1_share double, top5_share double, top10_share double,"
                    + " top20_share double, customers_for_80_share bigint, gini double",
            "mart_warning", "warning_id string, customer_id string, warning_type string, triggered_on date,"
                    + " due_date date, owner_staff_id string, org_unit_id string, detail string,"
                    + " suggested_channel string, status string, completed_at timestamp, completed_by_touchpoint_id string",
            "mart_kpi", "month_key int, org_unit_id string, kpi string, variant string, numerator double,"
                    + " denominator double, actual double, target double, operator string, status string,"
                    + " target_version int");

    static List<String> names() {
        return List.copyOf(COLUMNS.keySet());
    }

    static Optional<Table> table(String name) {
        String spec = COLUMNS.get(name);
        if (spec == null) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        for (String part : spec.split(",\\s*(?![^()]*\\))")) {
            String[] nameType = part.trim().split("\\s+", 2);
            columns.add(Column.of(nameType[0], DataType.parse(nameType[1]), true, "agreed column " + nameType[0]));
        }
        return Optional.of(new Table(name, Layer.MART, "agreed mart " + name + " (provisional, test only)",
                columns, List.of(), List.of()));
    }
}
