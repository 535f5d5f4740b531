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
    void chinesePackHasEveryPageWithItsTakeaway() {
        PdfDocument pdf = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(JUNE, "ALL"), connection, Locale.SIMPLIFIED_CHINESE))
                .saveAs("monthly-pack_zh_CN.pdf");
        String text = pdf.compactText();
        // cover, KPI scorecard, 20/80, migration, customer value, early warnings
        assertThat(pdf.pages()).isEqualTo(6);
        // cover: period, org unit, data-version stamp from crmlake_publish
        assertThat(text).contains("客户关系月度报告", "2025年6月·全公司", "2025年6月1日–2025年6月30日",
                "发布于2025年7月1日06:00", "mart_contribution_curvev3,mart_contribution_summaryv3,mart_kpiv7");
        // KPI scorecard: ALL's rows, then the region under it; takeaway counts ALL's KPIs with a target
        assertThat(text).contains("考核指标·2025年6月", "3项指标中2项达标，1项未达标。未达标：预警任务完成率(%)·全部预警。",
                "离网率(%)", "6.83", "<=7.50", "达标", "未达标", "无目标", "保有率(%)·动态", "105.36", "41/600", "华东区");
        // 20/80 page: mart_contribution_summary of 2025-06-30
        assertThat(text).contains("客户贡献（二八法则）·2025年6月", "前20%的客户贡献了78.4%的收入；126位客户（21.0%）贡献了80%。",
                "600", "¥987,654.32", "0.612", "6.7%", "29.7%", "51.5%", "78.4%", "126");
        // ABC table (mart_customer_abc): A 1 customer, 25.0 % of customers, ¥1,000, 69.0 % of revenue
        assertThat(text).contains("按收入累计占比的ABC分类", "A类125.0%¥1,00069.0%", "B类125.0%¥30020.7%", "C类250.0%¥15010.3%");
        // migration: takeaway from mart_segment_flow (34 of 446 down, 15 up, 15 churned), crosstab cells
        // with rate and customers from mart_segment_transition, the lifecycle scheme below
        assertThat(text).contains("客户迁移·2025年6月", "7.6%的客户档位下降，3.4%上升；3.4%流失；新增20位，赢回0位（ARPU档位）。",
                "ARPU档位", "80.0%(40)", "75.0%(72)", "100.0%(20)", "尚未成为客户", "生命周期阶段", "93.8%(300)", "形成期", "退化期");
        // customer value: 3 scored, the top 10 % (C001) hold 12,345.67 of 14,845.67; holdout 72.1 vs 79
        assertThat(text).contains("客户价值·2025年6月",
                "前10%的客户占预测客户终身价值的83.2%（未来36个月）。留出期内模型预测复购72.1次，实际79次（-8.8%）。",
                "3/3", "¥14,846", "C001", "¥12,346", "r=0.243alpha=4.414a=0.793b=2.426", "-9,582.43", "Gamma-Gamma");
        // early warnings of June in the latest run: 6 triggered, 4 open, 1 completed, 1 expired; KPI target missed
        assertThat(text).contains("预警任务·2025年6月",
                "已判定的2条预警中完成1条（50.0%）；仍有4条未结。完成率指标（全部客户）：30.00%，目标>=35.00%，未达标。",
                "全公司641150.0%>=35.00未达标", "华东区641150.0%>=35.00未达标");
        assertThat(text).doesNotContain("无数据");
        assertThat(pdf.allFontsEmbedded()).isTrue();
    }

    @Test
    void englishPackUsesEnglishLabels() {
        String text = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(JUNE, "ALL"), connection, Locale.ENGLISH))
                .saveAs("monthly-pack_en.pdf").compactText();
        assertThat(text).contains("MonthlyCRMpack", "June2025·Company-wide", "Published1Jul202506:00",
                "2of3KPIsmettheirtarget;1missed.Missed:Warningcompletion(%)·allwarningtypes.",
                "Top20%ofcustomershold78.4%ofrevenue;126customers(21.0%)makeup80%.", "Ginicoefficient",
                "ABCclassesbycumulativeshareofrevenue",
                "7.6%ofcustomersmoveddownatierand3.4%movedup;3.4%churned;20newand0wonback(ARPUband).",
                "Thetop10%ofcustomershold83.2%ofthepredictedlifetimevalue(next36months).",
                "1of2decidedwarningswerecompleted(50.0%);4arestillopen.");
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
    void aUnitWithSomeMartsEmptySaysNoDataOnThosePagesOnly() {
        // O02 holds C003 only: no KPI, contribution or value rows, but a migration and two warnings
        PdfDocument pdf = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(JUNE, "O02"), connection, Locale.ENGLISH)).saveAs("monthly-pack_O02_en.pdf");
        String text = pdf.compactText();
        assertThat(text).contains("NodataforKPIsofJune2025,O02", "NodataforcontributionofJune2025,O02",
                "NodataforcustomervalueofJune2025,O02");
        // C003 stayed mid: computed from mart_segment_month for the unit's customers
        assertThat(text).contains("Segmentmigration·June2025", "100.0%(1)");
        assertThat(text).doesNotContain("NodataforsegmentmigrationofJune2025");
        // W5 open, W6 expired
        assertThat(text).contains("0of1decidedwarningswerecompleted(0.0%);1isstillopen.");
    }

    @Test
    void anOutletPackCountsItsOwnCustomersMoves() {
        // O01 holds C001 (high -> high), C002 (mid -> low) and C004 (new, low) now
        String text = PdfDocument.read(renderer.render("monthly-pack",
                ReportParameters.monthlyPack(JUNE, "O01"), connection, Locale.ENGLISH)).compactText();
        assertThat(text).contains("50.0%ofcustomersmoveddownatierand0.0%movedup;0.0%churned;1newand0wonback(ARPUband).");
    }

    @Test
    void missingPeriodIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> renderer.render("monthly-pack", new ReportParameters(null, "ALL", null, null),
                connection, Locale.ENGLISH))
                .isInstanceOf(InvalidReportParameterException.class)
                .hasMessage("period: missing; the monthly-pack report needs period, org_unit");
    }
}
