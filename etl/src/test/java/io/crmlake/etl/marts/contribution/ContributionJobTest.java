package io.crmlake.etl.marts.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmlake.etl.marts.GoldFixture;
import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.model.contribution.AbcClassifier;
import io.crmlake.etl.model.contribution.Contribution;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.support.TableSnapshot;
import io.crmlake.warehouse.rules.ParetoScheme;
import io.crmlake.warehouse.rules.RuleSet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's known answers (issue 4, "Tests") run through the Spark job, and compared with the
 * plain maths of Contribution and AbcClassifier. Ten customers C01..C10 at outlet O1, one month:
 * <ul>
 *   <li>category 服装: revenue 400, 400, 50, 50, 50, 10 × 5 (ABC methods agree: A = 2 with 80 %,
 *       B = 3 with 15 %, C = 5 with 5 %); margin 150, 150, then −25 × 8 (20/300: the top 20 %
 *       hold 300 of a total of 100);</li>
 *   <li>category 鞋: revenue 500, 200, 100, 60, 50, 40, 20, 15, 10, 5 (methods disagree: by count
 *       A = customers 1–2 with 70 %, by share A ≤ 80 % = customers 1–3), margin 0 (total 0: no
 *       shares exist).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContributionJobTest {

    static final double[] AGREE = {400, 400, 50, 50, 50, 10, 10, 10, 10, 10};
    static final double[] AGREE_MARGIN = {150, 150, -25, -25, -25, -25, -25, -25, -25, -25};
    static final double[] DISAGREE = {500, 200, 100, 60, 50, 40, 20, 15, 10, 5};
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    @TempDir
    static Path dir;

    LakeTables tables;
    RuleSet rules = DefaultRules.get();
    List<String> firstRun;

    @BeforeAll
    void runOnTenCustomers() {
        tables = SharedSpark.lake(dir.resolve("lake"));
        GoldFixture gold = new GoldFixture(tables)
                .row("dim_org_unit", "org_unit_sk", 1L, "org_unit_id", "O1", "name", "徐汇营业厅", "level", "outlet",
                        "region_id", "R1", "branch_id", "B1", "outlet_id", "O1", "path", "HQ/R1/B1/O1")
                .row("dim_product", "product_sk", 1L, "product_id", "P1", "name", "连衣裙", "category", "服装")
                .row("dim_product", "product_sk", 2L, "product_id", "P2", "name", "跑鞋", "category", "鞋")
                .row("dim_channel", "channel_sk", 1L, "channel_id", "store", "name", "门店", "channel_type", "store");
        for (int i = 0; i < 10; i++) {
            String c = String.format("C%02d", i + 1);
            gold.row("fact_customer_month", "customer_id", c, "month_key", 202503, "org_unit_id", "O1");
            transaction(gold, c + "-a", c, 1L, AGREE[i], AGREE[i] - AGREE_MARGIN[i]);
            transaction(gold, c + "-b", c, 2L, DISAGREE[i], DISAGREE[i]);
        }
        gold.write();
        new ContributionJob(run()).run();
        firstRun = TableSnapshot.rows(tables, "mart_customer_abc");
        // Each mart read once: Delta reads cost about a second each on this machine.
        tables.read("mart_contribution_summary").collectAsList().forEach(r -> summaries.put(key(r), r));
        tables.read("mart_contribution_curve").orderBy("point").collectAsList()
                .forEach(r -> curves.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r.<Double>getAs("value_share")));
        tables.read("mart_customer_abc").orderBy("customer_id").collectAsList()
                .forEach(r -> abc.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
    }

    final Map<String, Row> summaries = new LinkedHashMap<>();
    final Map<String, List<Double>> curves = new LinkedHashMap<>();
    final Map<String, List<Row>> abc = new LinkedHashMap<>();

    private static String key(Row r) {
        return r.getAs("dimension") + "/" + r.getAs("dimension_value") + "/" + r.getAs("measure");
    }

    private static void transaction(GoldFixture gold, String id, String customer, long product, double revenue, double cost) {
        gold.row("fact_transaction", "txn_id", id, "month_key", 202503, "date_key", 20250310,
                "txn_ts", "2025-03-10 12:00:00", "customer_id", customer, "product_sk", product, "channel_sk", 1L,
                "txn_type", "purchase", "amount", revenue, "revenue", revenue, "cost", cost, "margin", revenue - cost,
                "is_purchase", true);
    }

    private MartRun run() {
        return new MartRun(tables, rules, AS_OF, ZoneId.of("Asia/Shanghai"), line -> { });
    }

    @Test
    void abcClassesMatchTheIssueAndThePlainClassifierByBothMethods() {
        Map<String, String[]> agree = classes("product_category", "服装", "revenue");
        assertThat(agree.get("share")).containsExactly("A", "A", "B", "B", "B", "C", "C", "C", "C", "C");
        assertThat(agree.get("count")).containsExactly("A", "A", "B", "B", "B", "C", "C", "C", "C", "C");

        Map<String, String[]> disagree = classes("product_category", "鞋", "revenue");
        assertThat(disagree.get("count")).startsWith("A", "A", "B");
        assertThat(disagree.get("share")).startsWith("A", "A", "A", "B");

        ParetoScheme byShare = rules.segments().scheme("revenue_abc", ParetoScheme.class);
        ParetoScheme byCount = rules.segments().scheme("revenue_abc_by_count", ParetoScheme.class);
        assertThat(disagree.get("share")).containsExactly(AbcClassifier.classify(byShare, DISAGREE));
        assertThat(disagree.get("count")).containsExactly(AbcClassifier.classify(byCount, DISAGREE));
        assertThat(agree.get("share")).containsExactly(AbcClassifier.classify(byShare, AGREE));
    }

    @Test
    void twentyThreeHundredIsReportedUnclipped() {
        Row s = summary("product_category", "服装", "margin");
        assertThat(s.<BigDecimal>getAs("total")).isEqualByComparingTo("100");
        assertThat(s.<Double>getAs("top20_share")).isCloseTo(3.0, within(1e-12));
        assertThat(s.<Double>getAs("top20_share")).isCloseTo(Contribution.topShare(AGREE_MARGIN, 0.20), within(1e-12));
    }

    @Test
    void summaryAndCurveAgreeWithThePlainMathsForEveryGroupWithAPositiveTotal() {
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("product_category/服装/revenue", AGREE);
        groups.put("product_category/服装/margin", AGREE_MARGIN);
        groups.put("product_category/鞋/revenue", DISAGREE);
        double[] companyRevenue = new double[10];
        double[] companyMargin = new double[10];
        for (int i = 0; i < 10; i++) {
            companyRevenue[i] = AGREE[i] + DISAGREE[i];
            companyMargin[i] = AGREE_MARGIN[i];
        }
        groups.put("company/ALL/revenue", companyRevenue);
        groups.put("outlet/O1/margin", companyMargin);
        groups.put("channel/store/revenue", companyRevenue);
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            String[] g = e.getKey().split("/");
            double[] values = e.getValue();
            Row s = summary(g[0], g[1], g[2]);
            assertThat(s.<Long>getAs("customers")).as(e.getKey()).isEqualTo(10L);
            assertThat(s.<Double>getAs("top1_share")).as(e.getKey()).isCloseTo(Contribution.topShare(values, 0.01), within(1e-9));
            assertThat(s.<Double>getAs("top5_share")).as(e.getKey()).isCloseTo(Contribution.topShare(values, 0.05), within(1e-9));
            assertThat(s.<Double>getAs("top10_share")).as(e.getKey()).isCloseTo(Contribution.topShare(values, 0.10), within(1e-9));
            assertThat(s.<Double>getAs("top20_share")).as(e.getKey()).isCloseTo(Contribution.topShare(values, 0.20), within(1e-9));
            assertThat(s.<Long>getAs("customers_for_80")).as(e.getKey()).isEqualTo((long) Contribution.customersNeededFor(values, 0.80));
            assertThat(s.<Double>getAs("gini")).as(e.getKey()).isCloseTo(Contribution.gini(values), within(1e-9));
            double[] curve = curve(g[0], g[1], g[2]);
            assertThat(curve).as(e.getKey()).containsExactly(Contribution.paretoCurve(values).measureShare(), within(1e-9));
        }
        // ABC agree set: 2 customers reach exactly 80 % (issue 4).
        assertThat(summary("product_category", "服装", "revenue").<Long>getAs("customers_for_80")).isEqualTo(2L);
    }

    @Test
    void aGroupWithoutAPositiveTotalHasNoSharesButKeepsItsCustomers() {
        Row s = summary("product_category", "鞋", "margin");
        assertThat(s.<BigDecimal>getAs("total")).isEqualByComparingTo("0");
        assertThat(s.<Long>getAs("customers")).isEqualTo(10L);
        assertThat((Object) s.getAs("top20_share")).isNull();
        assertThat((Object) s.getAs("gini")).isNull();
        assertThat(curve("product_category", "鞋", "margin")).isEmpty();
        assertThat(classes("product_category", "鞋", "margin").get("share")).containsOnlyNulls();
    }

    @Test
    void rerunningTheSameAsOfLeavesIdenticalContent() {
        new ContributionJob(run()).run();
        assertThat(TableSnapshot.rows(tables, "mart_customer_abc")).isEqualTo(firstRun);
        assertThat(tables.read("mart_contribution_summary").count()).isEqualTo(summaries.size());
    }

    private Row summary(String dimension, String value, String measure) {
        Row row = summaries.get(dimension + "/" + value + "/" + measure);
        assertThat(row).as(dimension + "/" + value + "/" + measure).isNotNull();
        return row;
    }

    private double[] curve(String dimension, String value, String measure) {
        return curves.getOrDefault(dimension + "/" + value + "/" + measure, List.of()).stream()
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** Classes in customer order C01..C10, by share and by count. */
    private Map<String, String[]> classes(String dimension, String value, String measure) {
        List<Row> rows = abc.get(dimension + "/" + value + "/" + measure);
        assertThat(rows).hasSize(10);
        return Map.of("share", rows.stream().map(r -> r.<String>getAs("class_by_share")).toArray(String[]::new),
                "count", rows.stream().map(r -> r.<String>getAs("class_by_count")).toArray(String[]::new));
    }
}
