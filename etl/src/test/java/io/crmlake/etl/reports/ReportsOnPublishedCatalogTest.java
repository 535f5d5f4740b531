package io.crmlake.etl.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.PublishedLake;
import io.crmlake.reports.Labels;
import io.crmlake.reports.ReportLocales;
import io.crmlake.reports.ReportParameters;
import io.crmlake.reports.ReportRenderer;
import io.crmlake.warehouse.serving.ServingCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every report rendered from the REAL published catalog (the shared 600 x 12 lake, all marts from
 * the shipped rules): the pack, the worklist and the one-pager, in Chinese and English. The PDF
 * text (PDFBox) must show the headings and the numbers the marts hold; expected numbers are read
 * from the same DuckDB file and formatted with the report's own label patterns. The PDFs are
 * kept under etl/target/report-samples for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsOnPublishedCatalogTest {

    private ServingCatalog catalog;
    private Connection connection;
    private ReportRenderer renderer;
    private YearMonth month;

    @BeforeAll
    void publishedCatalog() throws SQLException {
        catalog = ServingCatalog.open(PublishedLake.folder());
        connection = catalog.connect();
        renderer = new ReportRenderer(2, Path.of("target", "report-swap").toAbsolutePath(), ZoneId.of("Asia/Shanghai"),
                Clock.systemUTC());
        int monthKey = (int) number("select max(month_key) from mart_kpi");
        month = YearMonth.of(monthKey / 100, monthKey % 100);
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        catalog.close();
    }

    @Test
    void chinesePackShowsWhatTheMartsHold() throws Exception {
        Locale zh = ReportLocales.CHINESE;
        String text = pack(zh);
        assertThat(text).contains("客户关系月度报告", "全公司", "考核指标", "客户贡献（二八法则）", "按收入累计占比的ABC分类",
                "客户迁移", "ARPU档位", "生命周期阶段", "客户价值", "CLV前20名客户", "模型拟合与留出期检验", "预警任务");
        assertThat(text).doesNotContain("无数据");
        assertPackNumbers(text, zh);
        // the takeaways, as the zh bundle words them
        assertThat(text).contains(compact(msg(zh, "contribution.takeaway", percent(zh, value(
                "select top20_share from mart_contribution_summary where dimension = 'company' and measure = 'revenue'"
                        + " and as_of_date = (select max(as_of_date) from mart_contribution_summary)")), "收入",
                integer(zh, value("select customers_for_80 from mart_contribution_summary where dimension = 'company'"
                        + " and measure = 'revenue' and as_of_date = (select max(as_of_date) from mart_contribution_summary)")),
                percent(zh, value("select customers_for_80_share from mart_contribution_summary where dimension = 'company'"
                        + " and measure = 'revenue' and as_of_date = (select max(as_of_date) from mart_contribution_summary)")))));
    }

    @Test
    void englishPackShowsWhatTheMartsHold() throws Exception {
        Locale en = ReportLocales.ENGLISH;
        String text = pack(en);
        assertThat(text).contains("MonthlyCRMpack", "Company-wide", "KPIscorecard", "Customercontribution(20/80)",
                "ABCclassesbycumulativeshareofrevenue", "Segmentmigration", "Customervalue", "Top20customersbyCLV",
                "Earlywarnings");
        assertThat(text).doesNotContain("Nodatafor", "考核指标");
        assertPackNumbers(text, en);
    }

    @Test
    void worklistListsTheOpenWarningsOfTheLatestRunInBothLanguages() throws Exception {
        LocalDate asOf = LocalDate.parse(string("select cast(max(as_of_date) as varchar) from mart_warning"));
        long open = (long) number("select count(*) from mart_warning where status = 'open'"
                + " and as_of_date = (select max(as_of_date) from mart_warning)");
        String firstCustomer = string("select min(customer_id) from mart_warning where status = 'open'"
                + " and as_of_date = (select max(as_of_date) from mart_warning)");
        assertThat(open).as("open warnings in the published catalog").isPositive();
        for (Locale locale : ReportLocales.SUPPORTED) {
            String text = render("warning-worklist", ReportParameters.worklist("ALL", asOf), locale,
                    "warning-worklist-" + locale.toLanguageTag() + ".pdf");
            ResourceBundle labels = ReportLocales.labels(locale);
            String asOfText = date(locale, asOf, "pattern.date");
            assertThat(text).contains(compact(labels.getString("worklist.title")),
                    compact(msg(locale, "worklist.subtitle", labels.getString("org.all"), asOfText, open)), firstCustomer);
        }
        // one open warning's reason, as each language says it: the zh sentence from detail_args, the mart's detail in en
        String zhText = render("warning-worklist", ReportParameters.worklist("ALL", asOf), Locale.SIMPLIFIED_CHINESE, null);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select warning_type, trigger_kind, detail, detail_args from mart_warning
                where status = 'open' and as_of_date = (select max(as_of_date) from mart_warning)
                order by warning_id limit 1""")) {
            rs.next();
            ResourceBundle zh = ReportLocales.labels(ReportLocales.CHINESE);
            String reason = zh.getString("warning." + rs.getString(1)) + zh.getString("common.colon")
                    + Labels.sentence(zh, "warning.detail", rs.getString(2), rs.getString(4), rs.getString(3));
            assertThat(zhText).contains("预警工作清单", compact(reason)).doesNotContain(compact(rs.getString(3)));
        }
    }

    /**
     * Each trigger kind's sentence: the en bundle's pattern over detail_args reads exactly as the
     * mart's detail (so English reports and the mart say the same), and the zh pattern leaves no
     * English word in it. Every warning of the lake, all four kinds of the shipped warnings.yml.
     */
    @Test
    void everyWarningsReasonReadsAsTheMartsDetailInEnglishAndWithoutEnglishInChinese() throws Exception {
        ResourceBundle en = ReportLocales.labels(ReportLocales.ENGLISH);
        ResourceBundle zh = ReportLocales.labels(ReportLocales.CHINESE);
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        long rows = 0;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select trigger_kind, detail, detail_args from mart_warning")) {
            while (rs.next()) {
                String kind = rs.getString(1), detail = rs.getString(2), values = rs.getString(3);
                kinds.add(kind);
                rows++;
                assertThat(values).as(detail).isNotNull();
                assertThat(Labels.sentence(en, "warning.detail", kind, values, null)).isEqualTo(detail);
                assertThat(Labels.sentence(zh, "warning.detail", kind, values, null)).as(detail).doesNotContainPattern("[A-Za-z]");
            }
        }
        assertThat(kinds).containsExactly("balance_days_left", "birthday_next_month", "contract_days_left", "recency_cycles");
        assertThat(rows).isGreaterThan(100);
    }

    @Test
    void onePagerOfTheMostValuableCustomerShowsProfileAndClv() throws Exception {
        String customer = string("select customer_id from mart_customer_value where clv is not null"
                + " order by as_of_date desc, clv desc, customer_id limit 1");
        String name = string("select name from dim_customer where customer_id = '" + customer + "' and is_current");
        BigDecimal clv = BigDecimal.valueOf(value("select clv from mart_customer_value where customer_id = '" + customer
                + "' order by as_of_date desc limit 1")).setScale(2, RoundingMode.HALF_UP);
        for (Locale locale : ReportLocales.SUPPORTED) {
            String text = render("customer-one-pager", ReportParameters.customer(customer), locale,
                    "customer-one-pager-" + locale.toLanguageTag() + ".pdf");
            assertThat(text).contains(compact(ReportLocales.labels(locale).getString("customer.title")), customer,
                    compact(name), compact(format(locale, "pattern.money", clv)));
        }
    }

    /** Numbers of every pack page, read from the marts and formatted as the templates format them. */
    private void assertPackNumbers(String text, Locale locale) throws SQLException {
        int monthKey = month.getYear() * 100 + month.getMonthValue();
        // KPI scorecard: the company's churn rate of the month, percent as stored (2 decimals)
        assertThat(text).contains(format(locale, "pattern.decimal", value("select actual from mart_kpi where org_unit_id = 'ALL'"
                + " and kpi = 'churn_rate' and period = 'monthly' and month_key = " + monthKey
                + " and as_of_date = (select max(as_of_date) from mart_kpi)")));
        // 20/80: Gini and top 20 % share; ABC class A's customers and its share of revenue
        String contribution = " from mart_contribution_summary where dimension = 'company' and measure = 'revenue'"
                + " and as_of_date = (select max(as_of_date) from mart_contribution_summary)";
        assertThat(text).contains(format(locale, "pattern.ratio", value("select gini" + contribution)),
                percent(locale, value("select top20_share" + contribution)));
        String abc = " from mart_customer_abc where dimension = 'company' and measure = 'revenue'"
                + " and as_of_date = (select max(as_of_date) from mart_customer_abc)";
        assertThat(text).contains(integer(locale, value("select count(*) filter (where class_by_share = 'A')" + abc))
                + percent(locale, value("select cast(count(*) filter (where class_by_share = 'A') as double) / count(*)" + abc)));
        assertThat(text).contains(percent(locale, value(
                "select sum(value) filter (where class_by_share = 'A') / sum(value)" + abc)));
        // migration: the ARPU-band flows and one crosstab cell (rate and customers)
        String flows = " from mart_segment_flow where scheme = 'arpu_band' and month_key = " + monthKey;
        double base = value("select sum(customers) filter (where flow in ('upgraded', 'stable', 'downgraded', 'churned'))" + flows);
        double down = value("select sum(customers) filter (where flow = 'downgraded')" + flows);
        assertThat(text).contains(percent(locale, down / base));
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select rate, customers from mart_segment_transition
                where scheme = 'arpu_band' and comparison = 'mom' and to_month = %d and from_segment = to_segment
                order by customers desc limit 1""".formatted(monthKey))) {
            rs.next();
            assertThat(text).contains(percent(locale, rs.getDouble(1)) + "(" + integer(locale, rs.getLong(2)) + ")");
        }
        // customer value: the top customer by CLV, and the holdout check (predicted, actual, error)
        String run = " from mart_clv_model_run where model = 'bg_nbd' and fit_window = 'calibration'"
                + " and as_of_date = (select max(as_of_date) from mart_customer_value)";
        double predicted = value("select holdout_predicted" + run);
        long actual = (long) value("select holdout_actual" + run);
        assertThat(text).contains(string("select customer_id from mart_customer_value where clv is not null"
                        + " and as_of_date = (select max(as_of_date) from mart_customer_value) order by clv desc, customer_id limit 1"),
                new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(locale)).format(predicted),
                format(locale, "pattern.signedPercent", (predicted - actual) / actual));
        // early warnings: completed of decided warnings triggered in the month, company-wide
        String warnings = " from mart_warning where as_of_date = (select max(as_of_date) from mart_warning)"
                + " and triggered_on between '" + month.atDay(1) + "' and '" + month.atEndOfMonth() + "'";
        double completed = value("select count(*) filter (where status = 'completed')" + warnings);
        double decided = value("select count(*) filter (where status in ('completed', 'expired'))" + warnings);
        assertThat(text).contains(compact(msg(locale, "warnings.takeaway", (long) completed, (long) decided,
                percent(locale, completed / decided), (long) value("select count(*) filter (where status = 'open')" + warnings))));
    }

    private String pack(Locale locale) throws IOException {
        return render("monthly-pack", ReportParameters.monthlyPack(month, "ALL"), locale,
                "monthly-pack-" + locale.toLanguageTag() + ".pdf");
    }

    private String render(String report, ReportParameters parameters, Locale locale, String keepAs) throws IOException {
        byte[] pdf = renderer.render(report, parameters, connection, locale);
        if (keepAs != null) {
            Path dir = Path.of("target", "report-samples");
            Files.createDirectories(dir);
            Files.write(dir.resolve(keepAs), pdf);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return compact(new PDFTextStripper().getText(doc));
        }
    }

    /** PDF text extraction splits and joins lines freely: compare without whitespace. */
    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String msg(Locale locale, String key, Object... args) {
        return new MessageFormat(ReportLocales.labels(locale).getString(key), locale).format(args);
    }

    private static String format(Locale locale, String patternKey, Object number) {
        return new DecimalFormat(ReportLocales.labels(locale).getString(patternKey), DecimalFormatSymbols.getInstance(locale))
                .format(number);
    }

    private static String percent(Locale locale, double share) {
        return format(locale, "pattern.percent", share);
    }

    private static String integer(Locale locale, double count) {
        return format(locale, "pattern.integer", count);
    }

    private static String date(Locale locale, LocalDate day, String patternKey) {
        SimpleDateFormat f = new SimpleDateFormat(ReportLocales.labels(locale).getString(patternKey), locale);
        f.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        return f.format(java.sql.Date.valueOf(day));
    }

    private double value(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            double v = rs.getDouble(1);
            assertThat(rs.wasNull()).as("null from " + sql).isFalse();
            return v;
        }
    }

    private double number(String sql) throws SQLException {
        return value(sql);
    }

    private String string(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
