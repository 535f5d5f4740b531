package io.crmlake.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonthlyPackTest {

    static final YearMonth JUNE = YearMonth.parse(SampleBusiness.MONTH);

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
    void chinesePackHasCoverScorecardAndParetoPage() {
        PdfDocument pdf = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(JUNE, "ALL"), connection, Locale.SIMPLIFIED_CHINESE))
                .saveAs("monthly-pack_zh_CN.pdf");
        String text = pdf.compactText();
        assertThat(pdf.pages()).isEqualTo(3);
        // cover: period, org unit, data-version stamp from crmlake_publish
        assertThat(text).contains("客户关系月度报告", "2025年6月·全公司", "2025年6月1日–2025年6月30日",
                "发布于2025年7月1日06:00", "mart_contribution_curvev3,mart_contribution_summaryv3,mart_kpiv7");
        // KPI scorecard: ALL's rows, then the region under it; takeaway counts ALL's KPIs with a target
        assertThat(text).contains("考核指标·2025年6月", "3项指标中2项达标，1项未达标。未达标：预警任务完成率(%)·全部预警。",
                "离网率(%)", "6.83", "<=7.50", "达标", "未达标", "无目标", "保有率(%)·动态", "105.36", "41/600", "华东区");
        // 20/80 page: mart_contribution_summary of 2025-06-30
        assertThat(text).contains("客户贡献（二八法则）·2025年6月", "前20%的客户贡献了78.4%的收入；126位客户（21.0%）贡献了80%。",
                "600", "¥987,654.32", "0.612", "6.7%", "29.7%", "51.5%", "78.4%", "126");
        assertThat(pdf.allFontsEmbedded()).isTrue();
    }

    @Test
    void englishPackUsesEnglishLabels() {
        String text = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(JUNE, "ALL"), connection, Locale.ENGLISH))
                .saveAs("monthly-pack_en.pdf").compactText();
        assertThat(text).contains("MonthlyCRMpack", "June2025·Company-wide", "Published1Jul202506:00",
                "2of3KPIsmettheirtarget;1missed.Missed:Warningcompletion(%)·allwarningtypes.",
                "Top20%ofcustomershold78.4%ofrevenue;126customers(21.0%)makeup80%.", "Ginicoefficient");
        assertThat(text).doesNotContain("考核指标");
    }

    @Test
    void outletWithoutKpiRowsSaysNoDataOnItsPages() {
        String text = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(YearMonth.of(2031, 1), "ALL"), connection, Locale.SIMPLIFIED_CHINESE))
                .compactText();
        assertThat(text).contains("客户关系月度报告", "无数据：2031年1月，全公司");
    }

    @Test
    void missingPeriodIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> renderer.render("monthly-pack", new ReportParameters(null, "ALL", null, null),
                connection, Locale.ENGLISH))
                .isInstanceOf(InvalidReportParameterException.class)
                .hasMessage("period: missing; the monthly-pack report needs period, org_unit");
    }
}
