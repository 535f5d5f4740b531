package io.crmlake.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerOnePagerTest {

    @TempDir
    static Path dir;
    static Connection connection;
    static ReportRenderer renderer;

    @BeforeAll
    static void fixture() throws Exception {
        connection = ServingCatalogFixture.readOnly(ServingCatalogFixture.withSampleBusiness(dir));
        renderer = new ReportRenderer(2, dir.resolve("swap"), ZoneId.of("Asia/Shanghai"),
                Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneId.of("UTC")));
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @Test
    void chineseOnePagerShowsProfileValueSegmentsTransactionsAndContacts() {
        PdfDocument pdf = PdfDocument.read(renderer.render("customer-one-pager",
                ReportParameters.customer(SampleBusiness.CUSTOMER), connection, Locale.SIMPLIFIED_CHINESE))
                .saveAs("customer-one-pager_zh_CN.pdf");
        String text = pdf.compactText();
        assertThat(text).contains("客户一页纸", "张伟", "基本信息", "客户价值", "细分历史", "近期交易", "近期接触",
                "徐汇营业厅", "王芳", "金卡", "1985年4月12日");
        // mart_customer_value, latest as_of_date (2025-06-30): clv 12345.67, historical revenue 1664.50, P(alive) 0.873
        assertThat(text).contains("¥12,345.67", "¥1,664.50", "¥792.50", "87.3%", "4.60", "¥95.20");
        assertThat(text).doesNotContain("¥11,111.11");
        // segment path over the last six months, oldest first: 2025-01 .. 2025-06
        assertThat(text).contains("2025年1月–2025年6月:中→中→中→高→高→高");
        // transactions newest first with product names and signed revenue; the control-group contact is left out
        assertThat(text).contains("流量加油包10GB", "退款", "-¥20.00", "¥56.50", "维系", "已接通", "生日");
        assertThat(text).doesNotContain("营销");
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.allFontsEmbedded()).isTrue();
        assertThat(pdf.fonts()).allMatch(f -> f.contains("NotoSans"));
    }

    @Test
    void englishOnePagerUsesEnglishLabelsAndFormats() {
        String text = PdfDocument.read(renderer.render("customer-one-pager",
                ReportParameters.customer(SampleBusiness.CUSTOMER), connection, Locale.ENGLISH))
                .saveAs("customer-one-pager_en.pdf").compactText();
        assertThat(text).contains("Customerone-pager", "张伟", "Profile", "Customervalue", "Segmenthistory",
                "Recenttransactions", "Recentcontacts", "12Apr1985", "¥12,345.67", "87.3%", "refund", "retention");
        assertThat(text).doesNotContain("客户一页纸");
    }

    @Test
    void customerWithoutMartsSaysNotComputedYet() {
        String zh = PdfDocument.read(renderer.render("customer-one-pager",
                ReportParameters.customer(SampleBusiness.CUSTOMER_WITHOUT_VALUE), connection, Locale.SIMPLIFIED_CHINESE))
                .compactText();
        assertThat(zh).contains("欧阳锋", "尚未计算", "暂无交易", "暂无接触记录");
        String en = PdfDocument.read(renderer.render("customer-one-pager",
                ReportParameters.customer(SampleBusiness.CUSTOMER_WITHOUT_VALUE), connection, Locale.ENGLISH))
                .compactText();
        assertThat(en).contains("notcomputedyet", "Notransactionsyet");
    }

    @Test
    void unknownCustomerIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> renderer.render("customer-one-pager", ReportParameters.customer("C999"),
                connection, Locale.ENGLISH))
                .isInstanceOf(InvalidReportParameterException.class)
                .hasMessage("customer_id: unknown customer 'C999'; use a customer_id from dim_customer");
    }
}
