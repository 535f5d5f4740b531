package io.crmlake.api.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few rows the service tests publish: three customers, their activity, KPIs and marts. */
public final class DemoData {

    private DemoData() {
    }

    /** Customer with personal data, CLV, segments, activity and warnings. */
    public static final String ZHANG = "C001";
    /** A name that would break naive SQL or CSV writing. */
    public static final String HOSTILE_NAME = "O'Brien; DROP TABLE dim_customer; --\"x\"";

    public static FixtureCatalog catalog() {
        FixtureCatalog f = new FixtureCatalog();
        f.rows("dim_customer", List.of(
                row("customer_sk", 1, "customer_id", ZHANG, "version", 1, "valid_from", "2023-01-05T00:00:00+08:00",
                        "valid_to", "9999-12-31T00:00:00Z", "is_current", true, "name", "张三丰", "gender", "M",
                        "birth_date", "1980-05-06", "phone", "13812345678", "city", "杭州", "org_unit_id", "B01",
                        "relationship", "non_contractual", "tier", "gold"),
                row("customer_sk", 2, "customer_id", "C002", "version", 1, "valid_from", "2023-02-01T00:00:00+08:00",
                        "valid_to", "9999-12-31T00:00:00Z", "is_current", true, "name", HOSTILE_NAME, "gender", "F",
                        "birth_date", "1991-11-30", "phone", "13900001111", "city", "上海", "org_unit_id", "B02",
                        "relationship", "contractual", "tier", "silver"),
                row("customer_sk", 3, "customer_id", "C003", "version", 1, "valid_from", "2023-03-01T00:00:00+08:00",
                        "valid_to", "9999-12-31T00:00:00Z", "is_current", true, "name", "李四", "gender", "U",
                        "city", "北京", "org_unit_id", "B01", "relationship", "non_contractual", "tier", "bronze")));
        List<Map<String, Object>> txns = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            txns.add(row("txn_id", String.format("T%03d", i), "month_key", 202401 + (i % 3), "date_key", 20240110 + i,
                    "txn_ts", String.format("2024-0%d-%02dT10:00:00+08:00", 1 + (i % 3), i),
                    "customer_sk", 1, "customer_id", i <= 22 ? ZHANG : "C002", "txn_type", "purchase",
                    "quantity", 1, "currency", "CNY", "is_purchase", true));
        }
        f.rows("fact_transaction", txns);
        f.rows("fact_touchpoint", List.of(
                row("touchpoint_id", "P1", "month_key", 202403, "date_key", 20240301, "ts", "2024-03-01T09:00:00+08:00",
                        "customer_id", ZHANG, "channel", "sms", "purpose", "birthday", "outcome", "delivered")));
        f.rows("mart_customer_value", List.of(
                row("as_of_date", "2024-02-29", "customer_id", ZHANG, "clv", "1200.50", "clv_decile", 9, "p_alive", 0.8),
                row("as_of_date", "2024-03-31", "customer_id", ZHANG, "clv", "1350.25", "clv_decile", 10, "p_alive", 0.85),
                row("as_of_date", "2024-03-31", "customer_id", "C002", "clv", "310.00", "clv_decile", 4, "p_alive", 0.4),
                row("as_of_date", "2024-03-31", "customer_id", "C003", "clv", "45.10", "clv_decile", 1, "p_alive", 0.2)));
        f.rows("mart_segment_month", List.of(
                row("month_key", 202402, "scheme", "value_tier", "customer_id", ZHANG, "segment", "silver", "segment_rank", 2, "revenue", "300.00"),
                row("month_key", 202403, "scheme", "value_tier", "customer_id", ZHANG, "segment", "gold", "segment_rank", 1, "revenue", "520.00"),
                row("month_key", 202403, "scheme", "lifecycle", "customer_id", ZHANG, "segment", "稳定期", "segment_rank", 3, "revenue", "520.00")));
        // Two warning runs: W1 is open in the latest (2024-04-05); W3 was open on 2024-04-04 and was
        // completed since, so the customer view must not list it.
        f.rows("mart_warning", List.of(
                row("as_of_date", "2024-04-05", "warning_id", "W1", "customer_id", ZHANG, "warning_type", "birthday_next_month",
                        "triggered_on", "2024-04-01", "due_date", "2024-05-06", "status", "open", "org_unit_id", "B01"),
                row("as_of_date", "2024-04-05", "warning_id", "W2", "customer_id", ZHANG, "warning_type", "purchase_overdue",
                        "triggered_on", "2024-01-01", "due_date", "2024-01-31", "status", "completed", "org_unit_id", "B01"),
                row("as_of_date", "2024-04-05", "warning_id", "W3", "customer_id", ZHANG, "warning_type", "balance_running_out",
                        "triggered_on", "2024-04-03", "due_date", "2024-04-05", "status", "completed", "org_unit_id", "B01"),
                row("as_of_date", "2024-04-04", "warning_id", "W3", "customer_id", ZHANG, "warning_type", "balance_running_out",
                        "triggered_on", "2024-04-03", "due_date", "2024-04-05", "status", "open", "org_unit_id", "B01")));
        // mart_kpi as the KPI job writes it: actual and target in the KPI's unit (percent: 2.10 = 2.1 %),
        // variant total, one slice per as_of_date. The 2024-03-05 run saw February's churn at 3.10;
        // the latest run (2024-04-05) restates it as 3.40, and readers must show the latest.
        f.rows("mart_kpi", List.of(
                kpi("2024-04-05", 202403, "ALL", "churn_rate", "percent", "2.10", "3.0", "<=", "met"),
                kpi("2024-04-05", 202403, "ALL", "repeat_purchase_rate", "percent", "35.00", "40.0", ">=", "missed"),
                kpi("2024-04-05", 202403, "ALL", "arpu", "amount", "88.50", null, null, "no_target"),
                kpi("2024-04-05", 202402, "ALL", "churn_rate", "percent", "3.40", "3.0", "<=", "missed"),
                kpi("2024-04-05", 202403, "B01", "churn_rate", "percent", "1.00", "3.0", "<=", "met"),
                kpi("2024-03-05", 202402, "ALL", "churn_rate", "percent", "3.10", "3.0", "<=", "missed")));
        return f;
    }

    private static Map<String, Object> kpi(String asOf, int month, String orgUnit, String kpi, String unit, String actual,
                                           String target, String op, String status) {
        return row("as_of_date", asOf, "month_key", month, "org_unit_id", orgUnit, "org_unit_level", orgUnit.equals("ALL") ? "all" : "branch",
                "kpi", kpi, "variant", "total", "scope", "all customers", "period", "monthly", "unit", unit, "actual", actual,
                "target", target, "operator", op, "status", status, "target_version", 1);
    }

    public static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
