package io.crmlake.reports;

import java.util.List;

/**
 * The rows of the report fixture: one company with a region, a branch and two outlets, four
 * customers with Chinese names, their transactions and contacts, and one month (2025-06) of
 * marts. Tests read expected values back from the fixture, so a changed row here changes the
 * expectation with it; the constants below are the few values tests name directly.
 */
final class SampleBusiness {

    static final String MONTH = "2025-06";
    static final String OUTLET = "O01";
    static final String CUSTOMER = "C001";
    static final String CUSTOMER_NAME = "张伟";
    static final String CUSTOMER_WITHOUT_VALUE = "C003";
    static final String NO_CONSENT_CUSTOMER = "C004";

    private SampleBusiness() {}

    static final List<String> INSERTS = List.of(
            """
            INSERT INTO dim_org_unit (org_unit_sk, org_unit_id, name, level, parent_id, city, region_id, region_name,
                                      branch_id, branch_name, outlet_id, outlet_name, path) VALUES
              (1, 'HQ', '星河通信', 'company', NULL, '上海', NULL, NULL, NULL, NULL, NULL, NULL, 'HQ'),
              (2, 'R01', '华东区', 'region', 'HQ', '上海', 'R01', '华东区', NULL, NULL, NULL, NULL, 'HQ/R01'),
              (3, 'B01', '上海分公司', 'branch', 'R01', '上海', 'R01', '华东区', 'B01', '上海分公司', NULL, NULL, 'HQ/R01/B01'),
              (4, 'O01', '徐汇营业厅', 'outlet', 'B01', '上海', 'R01', '华东区', 'B01', '上海分公司', 'O01', '徐汇营业厅', 'HQ/R01/B01/O01'),
              (5, 'O02', '浦东营业厅', 'outlet', 'B01', '上海', 'R01', '华东区', 'B01', '上海分公司', 'O02', '浦东营业厅', 'HQ/R01/B01/O02')
            """,
            """
            INSERT INTO dim_staff (staff_sk, staff_id, name, org_unit_id, role) VALUES
              (11, 'S01', '王芳', 'O01', 'account_manager'),
              (12, 'S02', '李强', 'O02', 'account_manager')
            """,
            """
            INSERT INTO dim_customer (customer_sk, customer_id, version, valid_from, valid_to, is_current, name, gender,
                                      birth_date, phone, city, region, org_unit_id, owner_staff_id, join_date,
                                      customer_type, relationship, tier, consent_sms, consent_phone, consent_email, row_hash) VALUES
              (100, 'C001', 1, '2023-01-05 09:00:00+08', '2024-03-01 09:00:00+08', false, '张伟', 'M', '1985-04-12',
               '13800000001', '上海', '华东', 'O02', 'S02', '2023-01-05', 'individual', 'non_contractual', '银卡', true, false, true, 1),
              (101, 'C001', 2, '2024-03-01 09:00:00+08', '9999-12-31 00:00:00+00', true, '张伟', 'M', '1985-04-12',
               '13800000001', '上海', '华东', 'O01', 'S01', '2023-01-05', 'individual', 'non_contractual', '金卡', true, false, true, 2),
              (102, 'C002', 1, '2024-02-10 09:00:00+08', '9999-12-31 00:00:00+00', true, '李娜', 'F', '1990-09-30',
               '13800000002', '上海', '华东', 'O01', 'S01', '2024-02-10', 'individual', 'contractual', '普通', true, true, false, 3),
              (103, 'C003', 1, '2025-05-20 09:00:00+08', '9999-12-31 00:00:00+00', true, '欧阳锋', 'M', NULL,
               '13800000003', '上海', '华东', 'O02', 'S02', '2025-05-20', 'individual', 'non_contractual', NULL, false, true, false, 4),
              (104, 'C004', 1, '2024-07-01 09:00:00+08', '9999-12-31 00:00:00+00', true, '赵敏', 'F', '1978-01-02',
               '13800000004', '上海', '华东', 'O01', NULL, '2024-07-01', 'corporate', 'contractual', NULL, false, false, false, 5)
            """,
            """
            INSERT INTO dim_product (product_sk, product_id, name, category, is_contract) VALUES
              (21, 'P01', '畅享套餐 128 元', '套餐', true),
              (22, 'P02', '流量加油包 10GB', '增值业务', false)
            """,
            """
            INSERT INTO fact_transaction (txn_id, month_key, date_key, txn_ts, customer_sk, customer_id, product_sk, channel_sk,
                                          org_unit_sk, txn_type, amount, revenue, cost, margin, is_purchase, _batch_id) VALUES
              ('T1', 202504, 20250402, '2025-04-02 10:00:00+08', 101, 'C001', 21, -1, 4, 'purchase', 128.00, 128.00, 60.00, 68.00, true, 'b1'),
              ('T2', 202505, 20250518, '2025-05-18 19:30:00+08', 101, 'C001', 22, -1, 4, 'purchase', 56.50, 56.50, 20.00, 36.50, true, 'b1'),
              ('T3', 202506, 20250603, '2025-06-03 12:15:00+08', 101, 'C001', 22, -1, 4, 'refund', 20.00, -20.00, -8.00, -12.00, false, 'b1'),
              ('T4', 202506, 20250611, '2025-06-11 08:05:00+08', 102, 'C002', 21, -1, 4, 'bill', 128.00, 128.00, 60.00, 68.00, false, 'b1')
            """,
            """
            INSERT INTO fact_touchpoint (touchpoint_id, month_key, date_key, ts, customer_sk, customer_id, campaign_sk, staff_sk,
                                         channel, direction, purpose, outcome, is_success, cost, is_control, consent_ok, _batch_id) VALUES
              ('TP1', 202505, 20250520, '2025-05-20 15:00:00+08', 101, 'C001', -1, 11, 'phone', 'outbound', 'retention', 'reached', true, 2.00, false, true, 'b1'),
              ('TP2', 202506, 20250612, '2025-06-12 10:00:00+08', 101, 'C001', -1, -1, 'sms', 'outbound', 'birthday', 'delivered', false, 0.05, false, true, 'b1'),
              ('TP3', 202506, 20250613, '2025-06-13 10:00:00+08', 101, 'C001', -1, -1, 'sms', 'outbound', 'promotion', 'sent', false, 0.00, true, true, 'b1')
            """,
            """
            INSERT INTO mart_customer_value (as_of_date, customer_id, relationship, x, t_x, t_cal, time_unit, avg_repeat_spend,
                                             historical_revenue, historical_margin, p_alive, expected_purchases_90d,
                                             expected_purchases_365d, expected_avg_spend, clv, clv_horizon_months, clv_decile,
                                             value_band, model, status) VALUES
              ('2025-05-31', 'C001', 'non_contractual', 5, 60.0, 64.0, 'week', 88.00, 1500.00, 700.00, 0.9, 1.1, 4.0, 90.00,
               11111.11, 36, 8, 'high', 'bg_nbd+gamma_gamma', 'ok'),
              ('2025-06-30', 'C001', 'non_contractual', 6, 68.0, 69.0, 'week', 92.40, 1664.50, 792.50, 0.873, 1.25, 4.6, 95.20,
               12345.67, 36, 9, 'high', 'bg_nbd+gamma_gamma', 'ok'),
              ('2025-06-30', 'C002', 'contractual', NULL, NULL, NULL, 'month', NULL, 512.00, 240.00, 1.0, NULL, NULL, 128.00,
               2500.00, 36, 10, 'high', 'sbg', 'ok'),
              ('2025-06-30', 'C004', 'contractual', NULL, NULL, NULL, 'month', NULL, 0.00, 0.00, 1.0, NULL, NULL, 0.00,
               0.00, 36, 10, 'none', 'sbg', 'ok')
            """,
            """
            INSERT INTO mart_segment_month (month_key, scheme, customer_id, segment, segment_rank, revenue)
            SELECT m, 'arpu_band', 'C001', CASE WHEN m < 202504 THEN 'mid' ELSE 'high' END, CASE WHEN m < 202504 THEN 2 ELSE 3 END, 100
            FROM (VALUES (202412), (202501), (202502), (202503), (202504), (202505), (202506)) v(m)
            """,
            """
            INSERT INTO mart_warning (as_of_date, warning_id, customer_id, warning_type, trigger_kind, triggered_on, due_date,
                                      owner_staff_id, org_unit_id, detail, detail_args, suggested_channel, status) VALUES
              ('2025-06-30', 'W1', 'C001', 'purchase_overdue', 'recency_cycles', '2025-06-20', '2025-06-27', 'S01', 'O01',
               'no purchase since 2025-05-03 (48 days; own cycle 30.0 days)', '["2025-05-03","48","30.0"]', 'phone', 'open'),
              ('2025-06-30', 'W2', 'C002', 'contract_expiring', 'contract_days_left', '2025-06-25', '2025-07-02', 'S01', 'O01',
               'contract ends 2025-07-20 (25 days left)', '["2025-07-20","25"]', 'sms', 'open'),
              ('2025-06-30', 'W3', 'C004', 'balance_running_out', 'balance_days_left', '2025-06-29', '2025-07-01', NULL, 'O01',
               'balance 3.20 lasts 2.0 days at 1.60 a day', '["3.20","2.0","1.60"]', 'sms', 'open'),
              ('2025-06-30', 'W4', 'C002', 'birthday_next_month', 'birthday_next_month', '2025-06-01', '2025-06-15', 'S01', 'O01',
               'birthday on 07-08', '["07-08"]', 'sms', 'completed'),
              ('2025-06-30', 'W5', 'C003', 'purchase_overdue', 'recency_cycles', '2025-06-21', '2025-06-28', 'S02', 'O02',
               'no purchase since 2025-05-12 (40 days; own cycle 25.0 days)', '["2025-05-12","40","25.0"]', 'email', 'open'),
              ('2025-06-30', 'W6', 'C003', 'birthday_next_month', 'birthday_next_month', '2025-06-02', '2025-06-09', 'S02', 'O02',
               'birthday on 07-01', '["07-01"]', 'email', 'expired'),
              -- the run of the day before: W4 was still open then; the worklist of 2025-06-30 must not list it
              ('2025-06-29', 'W4', 'C002', 'birthday_next_month', 'birthday_next_month', '2025-06-01', '2025-06-15', 'S01', 'O01',
               'birthday on 07-08', '["07-08"]', 'sms', 'open')
            """,
            // mart_kpi as the KPI job writes it: percent KPIs in percent, variant total (all_triggers for
            // warning completion), one slice per as_of_date. The 2025-06-30 run is superseded by the
            // 2025-07-01 one (churn restated); the scorecard must read only the latest.
            """
            INSERT INTO mart_kpi (as_of_date, month_key, org_unit_id, org_unit_level, kpi, variant, scope, period, period_start_month,
                                  base_month, numerator, denominator, actual, unit, target, operator, status, target_version) VALUES
              ('2025-07-01', 202506, 'ALL', 'all', 'churn_rate', 'total', 'all customers', 'monthly', 202506, 202505, 41, 600, 6.83, 'percent', 7.5, '<=', 'met', 1),
              ('2025-07-01', 202506, 'ALL', 'all', 'warning_completion', 'all_triggers', 'all customers', 'monthly', 202506, 202505, 57, 190, 30.0, 'percent', 35.0, '>=', 'missed', 1),
              ('2025-07-01', 202506, 'ALL', 'all', 'retention', 'dynamic', 'all customers', 'monthly', 202506, 202505, 118, 112, 105.36, 'percent', 100.0, '>=', 'met', 1),
              ('2025-07-01', 202506, 'ALL', 'all', 'arpu', 'total', 'all customers', 'monthly', 202506, 202505, 73500, 600, 122.5, 'amount', NULL, NULL, 'no_target', 1),
              ('2025-07-01', 202506, 'R01', 'region', 'churn_rate', 'total', 'all customers', 'monthly', 202506, 202505, 41, 600, 6.83, 'percent', 7.5, '<=', 'met', 1),
              ('2025-07-01', 202506, 'R01', 'region', 'warning_completion', 'all_triggers', 'all customers', 'monthly', 202506, 202505, 57, 190, 30.0, 'percent', 35.0, '>=', 'missed', 1),
              ('2025-06-30', 202506, 'ALL', 'all', 'churn_rate', 'total', 'all customers', 'monthly', 202506, 202505, 48, 600, 8.00, 'percent', 7.5, '<=', 'missed', 1)
            """,
            // A concave Pareto curve: value_share = 1 - (1 - customer_share)^6.87, so the top 20 % hold 78.4 %.
            """
            INSERT INTO mart_contribution_curve (as_of_date, dimension, dimension_value, measure, point, customer_share, value_share)
            SELECT DATE '2025-06-30', 'company', 'ALL', 'revenue', p, p / 100.0, 1 - pow(1 - p / 100.0, 6.87)
            FROM range(1, 101) r(p)
            """,
            """
            INSERT INTO mart_contribution_summary (as_of_date, dimension, dimension_value, measure, customers, total,
                                                   top1_share, top5_share, top10_share, top20_share, customers_for_80, customers_for_80_share,
                                                   gini) VALUES
              ('2025-06-30', 'company', 'ALL', 'revenue', 600, 987654.32, 0.067, 0.297, 0.515, 0.784, 126, 0.21, 0.612)
            """,
            // ABC classes of the same as-of date: A holds 1000 of 1450 (69.0 %), B 300 (20.7 %), C 150 (10.3 %).
            """
            INSERT INTO mart_customer_abc (as_of_date, dimension, dimension_value, measure, customer_id, value, rank,
                                           cumulative_share, class_by_share, class_by_count) VALUES
              ('2025-06-30', 'company', 'ALL', 'revenue', 'C001', 1000.00, 1, 0.6897, 'A', 'A'),
              ('2025-06-30', 'company', 'ALL', 'revenue', 'C002', 300.00, 2, 0.8966, 'B', 'B'),
              ('2025-06-30', 'company', 'ALL', 'revenue', 'C003', 100.00, 3, 0.9655, 'C', 'C'),
              ('2025-06-30', 'company', 'ALL', 'revenue', 'C004', 50.00, 4, 1.0, 'C', 'C')
            """,
            // Segment months of the other customers (C001's arpu_band path is above): C002 mid -> low,
            // C003 stays mid, C004 is new in June. Org unit O01 holds C001, C002, C004 now.
            """
            INSERT INTO mart_segment_month (month_key, scheme, customer_id, segment, segment_rank, revenue) VALUES
              (202505, 'arpu_band', 'C002', 'mid', 2, 120), (202506, 'arpu_band', 'C002', 'low', 1, 60),
              (202505, 'arpu_band', 'C003', 'mid', 2, 90), (202506, 'arpu_band', 'C003', 'mid', 2, 95),
              (202505, 'arpu_band', 'C004', 'not_yet_customer', -1, 0), (202506, 'arpu_band', 'C004', 'low', 1, 30)
            """,
            // Company-wide May -> June as the migration mart writes it (rows sum to 1 per from-segment).
            """
            INSERT INTO mart_segment_transition (scheme, comparison, from_month, to_month, from_segment, to_segment,
                                                 from_rank, to_rank, customers, rate, revenue_from, revenue_to) VALUES
              ('arpu_band', 'mom', 202505, 202506, 'high', 'high', 3, 3, 40, 0.8, 8000, 8100),
              ('arpu_band', 'mom', 202505, 202506, 'high', 'mid', 3, 2, 10, 0.2, 2000, 1200),
              ('arpu_band', 'mom', 202505, 202506, 'mid', 'mid', 2, 2, 72, 0.75, 7000, 7100),
              ('arpu_band', 'mom', 202505, 202506, 'mid', 'low', 2, 1, 24, 0.25, 2400, 900),
              ('arpu_band', 'mom', 202505, 202506, 'low', 'low', 1, 1, 270, 0.9, 9000, 9100),
              ('arpu_band', 'mom', 202505, 202506, 'low', 'high', 1, 3, 15, 0.05, 500, 3000),
              ('arpu_band', 'mom', 202505, 202506, 'low', 'churned', 1, 0, 15, 0.05, 450, 0),
              ('arpu_band', 'mom', 202505, 202506, 'not_yet_customer', 'low', -1, 1, 20, 1.0, 0, 700),
              ('lifecycle', 'mom', 202505, 202506, 'formation', 'formation', 3, 3, 300, 0.9375, 20000, 21000),
              ('lifecycle', 'mom', 202505, 202506, 'formation', 'decline', 3, 1, 20, 0.0625, 1500, 300)
            """,
            // Flows of June from those cells: 446 customers held an ARPU band in May; 34 moved down
            // (7.6 %), 15 up (3.4 %), 15 churned (3.4 %), 20 are new.
            """
            INSERT INTO mart_segment_flow (scheme, month_key, flow, customers, revenue, revenue_previous) VALUES
              ('arpu_band', 202506, 'stable', 382, 24300, 24000),
              ('arpu_band', 202506, 'downgraded', 34, 2100, 4400),
              ('arpu_band', 202506, 'upgraded', 15, 3000, 500),
              ('arpu_band', 202506, 'churned', 15, 0, 450),
              ('arpu_band', 202506, 'new', 20, 700, 0),
              ('lifecycle', 202506, 'stable', 300, 21000, 20000),
              ('lifecycle', 202506, 'downgraded', 20, 300, 1500)
            """,
            // The CLV run of 2025-06-30: the customer-level fits and the 13-week holdout check
            // (72.06 predicted against 79 actual: -8.8 %).
            """
            INSERT INTO mart_clv_model_run (run_id, as_of_date, model, fit_window, cohort, time_unit, status, parameters,
                                            log_likelihood, customers, data_version, holdout_weeks, holdout_mae,
                                            holdout_predicted, holdout_actual, seconds) VALUES
              ('clv-2025-06-30', '2025-06-30', 'bg_nbd', 'full', 'ALL', 'weeks', 'ok', 'r=0.243 alpha=4.414 a=0.793 b=2.426',
               -9582.43, 2357, 'fact_transaction@12', NULL, NULL, NULL, NULL, 1.2),
              ('clv-2025-06-30', '2025-06-30', 'bg_nbd', 'calibration', 'ALL', 'weeks', 'ok', 'r=0.251 alpha=4.5 a=0.8 b=2.4',
               -8000.12, 2300, 'fact_transaction@12', 13, 0.368, 72.06, 79, 1.1),
              ('clv-2025-06-30', '2025-06-30', 'gamma_gamma', 'full', 'ALL', 'CNY', 'ok', 'p=6.25 q=3.74 gamma=15.44',
               -4000.5, 946, 'fact_transaction@12', NULL, NULL, NULL, NULL, 0.4)
            """,
            """
            INSERT INTO mart_clv_holdout (run_id, as_of_date, frequency, customers, predicted_purchases, actual_purchases) VALUES
              ('clv-2025-06-30', '2025-06-30', 0, 186, 0.17, 0.16),
              ('clv-2025-06-30', '2025-06-30', 1, 59, 0.29, 0.34)
            """,
            """
            INSERT INTO crmlake_publish VALUES
              ('dim_customer', 'gold', 14, 5, 'table', '2025-07-01 06:00:00+08'),
              ('mart_kpi', 'mart', 7, 6, 'table', '2025-07-01 06:00:00+08'),
              ('mart_contribution_curve', 'mart', 3, 100, 'table', '2025-07-01 06:00:00+08'),
              ('mart_contribution_summary', 'mart', 3, 1, 'table', '2025-07-01 06:00:00+08'),
              ('mart_segment_flow', 'mart', 5, 7, 'table', '2025-07-01 06:00:00+08')
            """);
}
