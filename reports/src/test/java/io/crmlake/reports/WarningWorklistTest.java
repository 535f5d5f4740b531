package io.crmlake.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningWorklistTest {

    static final LocalDate MORNING = LocalDate.parse("2025-06-30");

    @TempDir
    static Path dir;
    static Connection connection;
    static ReportRenderer renderer;

    @BeforeAll
    static void fixture() throws Exception {
        connection = ServingCatalogFixture.readOnly(ServingCatalogFixture.withSampleBusiness(dir));
        renderer = RendererFixture.renderer(dir, 2);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void outletWorklistListsOpenWarningsByOwnerWithConsentedChannel() {
        PdfDocument pdf = PdfDocument.read(renderer.render("warning-worklist",
                ReportParameters.worklist(SampleBusiness.OUTLET, MORNING), connection, Locale.SIMPLIFIED_CHINESE))
                .saveAs("warning-worklist_zh_CN.pdf");
        String text = pdf.compactText();
        assertThat(text).contains("预警工作清单", "徐汇营业厅(O01)", "截至2025年6月30日", "待处理预警3条",
                "客户经理：王芳", "2位客户", "客户经理：未分配", "1位客户");
        // W1: C001 consented to phone and the mart suggests phone; overdue since 2025-06-27.
        // The reason is said in Chinese from detail_args, not the mart's English detail.
        assertThat(text).contains("张伟", "C001", "13800000001", "2025年6月27日已逾期",
                "超期未购买：自2025-05-03起未再购买（已48天，平时每30.0天购买一次）");
        // W2: C002 consented to SMS (suggested) — contract expiring, due 2025-07-02.
        assertThat(text).contains("李娜", "合约即将到期：合约2025-07-20到期（剩25天）", "2025年7月2日");
        assertThat(text).contains("余额即将用尽：余额3.20元，按每天1.60元仅够2.0天");
        assertThat(text).doesNotContain("nopurchase", "contractends", "lasts");
        // W3: C004 consented to nothing: the list says so instead of proposing a channel.
        assertThat(text).contains("赵敏", "无联系许可，请勿联系");
        // Completed W4 and O02's W5 are not on O01's list.
        assertThat(text).doesNotContain("下月生日", "欧阳锋");
        int wang = text.indexOf("王芳"), unassigned = text.indexOf("未分配");
        assertThat(wang).isLessThan(unassigned);
        assertThat(text.indexOf("张伟")).isLessThan(text.indexOf("李娜")); // earliest due first
        assertThat(pdf.allFontsEmbedded()).isTrue();
    }

    @Test
    void branchWorklistIncludesEveryOutletBelowIt() {
        String text = PdfDocument.read(renderer.render("warning-worklist",
                ReportParameters.worklist("B01", MORNING), connection, Locale.ENGLISH))
                .saveAs("warning-worklist_en.pdf").compactText();
        assertThat(text).contains("Early-warningworklist", "上海分公司(B01)", "4openwarnings",
                "Accountmanager:王芳", "Accountmanager:李强", "欧阳锋", "phone", "noconsent:donotcontact", "overdue",
                "Purchaseoverdue:nopurchasesince2025-05-03(48days;owncycle30.0days)",
                "Balancerunningout:balance3.20lasts2.0daysat1.60aday");
        assertThat(text).doesNotContain("未再购买");
    }

    @Test
    void dayWithoutOpenWarningsSaysNoData() {
        String text = PdfDocument.read(renderer.render("warning-worklist",
                ReportParameters.worklist("O02", LocalDate.parse("2025-01-01")), connection, Locale.ENGLISH))
                .compactText();
        assertThat(text).contains("NodataforopenwarningsofO02asof1Jan2025");
    }

    @Test
    void unknownOrgUnitIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> renderer.render("warning-worklist", ReportParameters.worklist("O99", MORNING),
                connection, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(InvalidReportParameterException.class)
                .hasMessageStartingWith("org_unit: unknown org unit 'O99'")
                .extracting(e -> ((InvalidReportParameterException) e).parameter()).isEqualTo("org_unit");
    }

    @Test
    void longWorklistPagesThroughTheVirtualizerAndKeepsEveryRow(@TempDir Path big) throws Exception {
        Path file = ServingCatalogFixture.withSampleBusiness(big);
        // rows without detail_args, like those a warnings run wrote before that column: the detail prints as written
        try (Connection rw = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = rw.createStatement()) {
            st.execute("""
                    INSERT INTO mart_warning (as_of_date, warning_id, customer_id, warning_type, trigger_kind, triggered_on, due_date,
                                              owner_staff_id, org_unit_id, detail, suggested_channel, status)
                    SELECT DATE '2025-06-30', 'B' || i, 'C002', 'contract_expiring', 'contract_days_left', DATE '2025-06-20', DATE '2025-07-01' + (i % 30)::INTEGER,
                           'S01', 'O01', '批量预警第 ' || i || ' 条', 'sms', 'open'
                    FROM range(1, 701) r(i)""");
        }
        try (Connection c = ServingCatalogFixture.readOnly(file)) {
            PdfDocument pdf = PdfDocument.read(renderer.render("warning-worklist",
                    ReportParameters.worklist(SampleBusiness.OUTLET, MORNING), c, Locale.SIMPLIFIED_CHINESE));
            String text = pdf.compactText();
            assertThat(text).contains("待处理预警703条", "批量预警第1条", "批量预警第700条");
            // far more pages than the virtualizer keeps in memory
            assertThat(pdf.pages()).isGreaterThan(ReportRenderer.PAGES_IN_MEMORY * 4);
        }
    }
}
