package io.crmlake.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRendererTest {

    @TempDir
    static Path dir;
    static Path catalog;
    static Connection connection;

    @BeforeAll
    static void fixture() throws Exception {
        catalog = ServingCatalogFixture.withSampleBusiness(dir);
        connection = ServingCatalogFixture.readOnly(catalog);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void twentyConcurrentRendersQueueAndAllSucceed() throws Exception {
        ReportRenderer renderer = RendererFixture.renderer(dir, 2);
        renderer.warmUp();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Locale locale = i % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
                int kind = i % 3;
                pdfs.add(clients.submit(() -> {
                    // one connection per client, as the service opens them
                    try (Connection c = ServingCatalogFixture.readOnly(catalog)) {
                        return switch (kind) {
                            case 0 -> renderer.render("monthly-pack", ReportParameters.monthlyPack(YearMonth.of(2025, 6), "ALL"), c, locale);
                            case 1 -> renderer.render("warning-worklist", ReportParameters.worklist("B01", LocalDate.of(2025, 6, 30)), c, locale);
                            default -> renderer.render("customer-one-pager", ReportParameters.customer("C001"), c, locale);
                        };
                    }
                }));
            }
            for (Future<byte[]> pdf : pdfs) {
                assertThat(PdfDocument.read(pdf.get()).text()).contains("2025");
            }
        } finally {
            clients.shutdown();
        }
        assertThat(renderer.peakConcurrentRenders()).isBetween(1, 2);
    }

    @Test
    void everyLabelATemplateUsesExistsInBothLanguages() throws Exception {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\\$R\\{([A-Za-z0-9_.]+)}");
        for (Report report : Report.values()) {
            List<String> templates = new ArrayList<>(report.subreports());
            templates.add(report.template());
            for (String t : templates) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("reports/" + t + ".jrxml")) {
                    Matcher m = key.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        ResourceBundle zh = ReportLocales.labels(Locale.SIMPLIFIED_CHINESE);
        ResourceBundle en = ReportLocales.labels(Locale.ENGLISH);
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(zh.keySet()).containsAll(used).isEqualTo(en.keySet());
        assertThat(zh.getString("kpi.title")).isEqualTo("考核指标");
        assertThat(en.getString("kpi.title")).isEqualTo("KPI scorecard");
    }

    @Test
    void englishStaysEnglishOnAServerWhoseDefaultLocaleIsChinese() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(ReportLocales.labels(Locale.ENGLISH).getString("pack.title")).isEqualTo("Monthly CRM pack");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void unsupportedLocaleAndUnknownReportAreRefusedNamingTheParameter() {
        ReportRenderer renderer = RendererFixture.renderer(dir, 1);
        assertThatThrownBy(() -> renderer.render("monthly-pack", ReportParameters.monthlyPack(YearMonth.of(2025, 6), "ALL"),
                connection, Locale.JAPANESE))
                .isInstanceOf(InvalidReportParameterException.class)
                .hasMessage("locale: 'ja' is not supported; use zh-CN or en");
        assertThatThrownBy(() -> renderer.render("monthly-pack", ReportParameters.monthlyPack(YearMonth.of(2025, 6), "ALL"),
                connection, Locale.TRADITIONAL_CHINESE))
                .hasMessageStartingWith("locale: 'zh-TW' is not supported");
        assertThatThrownBy(() -> renderer.render("annual-pack", ReportParameters.monthlyPack(YearMonth.of(2025, 6), "ALL"),
                connection, Locale.ENGLISH))
                .hasMessage("report: unknown report 'annual-pack'; known reports: customer-one-pager, warning-worklist, monthly-pack");
    }

    @Test
    void requestParametersAreParsedWithClearErrors() {
        assertThat(ReportParameters.parse(Map.of("period", "2025-06", "org_unit", "O01")))
                .isEqualTo(ReportParameters.monthlyPack(YearMonth.of(2025, 6), "O01"));
        assertThatThrownBy(() -> ReportParameters.parse(Map.of("period", "2025-13")))
                .hasMessage("period: '2025-13' is not a month; write it as yyyy-MM, e.g. 2025-06");
        assertThatThrownBy(() -> ReportParameters.parse(Map.of("as_of", "30.06.2025")))
                .hasMessage("as_of: '30.06.2025' is not a day; write it as yyyy-MM-dd, e.g. 2025-06-30");
        assertThatThrownBy(() -> ReportParameters.parse(Map.of("orgunit", "O01")))
                .isInstanceOf(InvalidReportParameterException.class)
                .hasMessageStartingWith("orgunit: unknown parameter");
    }

    @Test
    void fixtureFollowsTheServingCatalogContract() throws Exception {
        // every GOLD and MART table, with the catalog's column comments, readable read-only
        try (var st = connection.createStatement();
             var rs = st.executeQuery("select comment from duckdb_columns() where table_name = 'dim_customer' and column_name = 'is_current'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("True for the customer's latest version");
        }
        assertThat(ServingCatalogFixture.servingTables()).extracting(t -> t.name())
                .contains("dim_customer", "fact_transaction", "mart_kpi", "mart_warning", "ops_batch_log");
        assertThatThrownBy(() -> connection.createStatement().execute("delete from mart_kpi"))
                .hasMessageContaining("read-only");
        assertThat(Collections.disjoint(List.of("bronze_customers", "silver_customers"),
                ServingCatalogFixture.servingTables().stream().map(t -> t.name()).toList())).isTrue();
    }
}
