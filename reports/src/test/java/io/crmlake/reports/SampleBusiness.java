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
               12345.67, 36, 9, 'high', 'bg_nbd+gamma_gamma', 'ok')
            """,
            """
            INSERT INTO mart_segment_month (month_key, scheme, customer_id, segment, segment_rank, revenue)
            SELECT m, 'arpu_band', 'C001', CASE WHEN m < 202504 THEN 'mid' ELSE 'high' END, CASE WHEN m < 202504 THEN 2 ELSE 3 END, 100
            FROM (VALUES (202412), (202501), (202502), (202503), (202504), (202505), (202506)) v(m)
            """,
            """
            INSERT INTO mart_warning (as_of_date, warning_id, customer_id, warning_type, triggered_on, due_date, owner_staff_id,
                                      org_unit_id, detail, suggested_channel, status) VALUES
              ('2025-06-30', 'W1', 'C001', 'purchase_overdue', '2025-06-20', '2025-06-27', 'S01', 'O01', '距上次购买 48 天，超过购买周期 1.6 倍', 'phone', 'open'),
              ('2025-06-30', 'W2', 'C002', 'contract_expiring', '2025-06-25', '2025-07-02', 'S01', 'O01', '合约 2025-07-20 到期', 'sms', 'open'),
              ('2025-06-30', 'W3', 'C004', 'balance_running_out', '2025-06-29', '2025-07-01', NULL, 'O01', '余额 3.20 元，约 2 天用完', 'sms', 'open'),
              ('2025-06-30', 'W4', 'C002', 'birthday_next_month', '2025-06-01', '2025-06-15', 'S01', 'O01', '7 月 8 日生日', 'sms', 'completed'),
              ('2025-06-30', 'W5', 'C003', 'purchase_overdue', '2025-06-21', '2025-06-28', 'S02', 'O02', '距上次购买 40 天', 'email', 'open'),
              -- the run of the day before: W4 was still open then; the worklist of 2025-06-30 must not list it
              ('2025-06-29', 'W4', 'C002', 'birthday_next_month', '2025-06-01', '2025-06-15', 'S01', 'O01', '7 月 8 日生日', 'sms', 'open')
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
            """
            INSERT INTO crmlake_publish VALUES
              ('dim_customer', 'gold', 14, 5, 'table', '2025-07-01 06:00:00+08'),
              ('mart_kpi', 'mart', 7, 6, 'table', '2025-07-01 06:00:00+08'),
              ('mart_contribution_curve', 'mart', 3, 100, 'table', '2025-07-01 06:00:00+08'),
              ('mart_contribution_summary', 'mart', 3, 1, 'table', '2025-07-01 06:00:00+08')
            """);
}
