package io.crmlake.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmlake.etl.marts.contribution.ContributionJob;
import io.crmlake.etl.marts.migration.MigrationJob;
import io.crmlake.etl.marts.migration.SegmentHistory;
import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.model.contribution.AbcClassifier;
import io.crmlake.etl.model.segment.RfmScoring;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.BuiltLake;
import io.crmlake.warehouse.rules.ParetoScheme;
import io.crmlake.warehouse.rules.RfmScheme;
import io.crmlake.warehouse.rules.RuleSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Both segment marts end to end on the shared generated lake (600 customers × 12 months):
 * invariants that hold for any data, and the Spark ranking against the plain maths classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentMartsOnBuiltLakeTest {

    LakeTables tables;
    RuleSet rules = DefaultRules.get();
    int lastMonth;
    long customers;
    long months;
    MigrationJob.Summary migration;
    ContributionJob.Summary contribution;

    @BeforeAll
    void runBothMarts() {
        tables = BuiltLake.tables();
        Row facts = tables.read("fact_customer_month")
                .agg(countDistinct("customer_id"), countDistinct("month_key"), org.apache.spark.sql.functions.max("month_key"))
                .first();
        customers = facts.getLong(0);
        months = facts.getLong(1);
        lastMonth = facts.getInt(2);
        LocalDate asOf = YearMonth.of(lastMonth / 100, lastMonth % 100).atEndOfMonth();
        MartRun run = new MartRun(tables, rules, asOf, ZoneId.of("Asia/Shanghai"), System.out::println);
        migration = new MigrationJob(run, MigrationJob.Options.DEFAULT).run();
        contribution = new ContributionJob(run).run();
    }

    @Test
    void everyCustomerMonthHasExactlyOneSegmentPerScheme() {
        int schemes = new SegmentHistory(rules).schemeIds().size();
        Row r = tables.read("mart_segment_month")
                .agg(count(lit(1)), countDistinct("month_key", "scheme", "customer_id"),
                        count(when(col("segment").notEqual("not_yet_customer"), lit(1))), countDistinct("scheme"))
                .first();
        assertThat(r.getLong(0)).isEqualTo(customers * months * schemes).isEqualTo(migration.segmentRows());
        assertThat(r.getLong(1)).isEqualTo(r.getLong(0));
        assertThat(r.getLong(2)).isEqualTo(tables.read("fact_customer_month").count() * schemes);
        assertThat(r.getLong(3)).isEqualTo(schemes);
    }

    @Test
    void transitionCountsSumToTheCustomersOfTheFromMonth() {
        List<Row> sums = tables.read("mart_segment_transition")
                .groupBy("scheme", "comparison", "from_month").agg(sum("customers")).collectAsList();
        assertThat(sums).hasSize((int) ((months - 1) * new SegmentHistory(rules).schemeIds().size()));
        assertThat(sums).allSatisfy(r -> assertThat(r.getLong(3)).isEqualTo(customers));
        assertThat(tables.read("mart_segment_flow").where("flow = 'churned'").count()).isPositive();
    }

    @Test
    void sparkAbcAndRfmClassesMatchThePlainMathsInTheLastMonth() {
        ParetoScheme byShare = rules.segments().scheme("revenue_abc", ParetoScheme.class);
        ParetoScheme byCount = rules.segments().scheme("revenue_abc_by_count", ParetoScheme.class);
        RfmScheme rfm = rules.segments().scheme("rfm", RfmScheme.class);
        Map<String, Map<String, String>> mart = new HashMap<>();
        tables.read("mart_segment_month").where(col("month_key").equalTo(lastMonth)).collectAsList()
                .forEach(r -> mart.computeIfAbsent(r.getAs("scheme"), s -> new HashMap<>()).put(r.getAs("customer_id"), r.getAs("segment")));
        // The same 12-month window sums, computed directly from the fact, for the live customers.
        List<Row> live = tables.read("fact_customer_month")
                .withColumn("_revenue", sum("revenue").over(Window.partitionBy("customer_id")))
                .withColumn("_orders", sum("orders").over(Window.partitionBy("customer_id")))
                .where(col("month_key").equalTo(lastMonth))
                .orderBy("customer_id")
                .collectAsList().stream()
                .filter(r -> !"churned".equals(mart.get("lifecycle").get(r.<String>getAs("customer_id"))))
                .toList();
        assertThat(live).hasSizeGreaterThan(100);
        int n = live.size();
        double[] revenue = new double[n];
        double[] orders = new double[n];
        double[] recency = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = live.get(i);
            revenue[i] = r.<java.math.BigDecimal>getAs("_revenue").doubleValue();
            orders[i] = r.<Long>getAs("_orders");
            Integer days = r.getAs("recency_days");
            recency[i] = days == null ? Double.POSITIVE_INFINITY : days;
        }
        String[] share = AbcClassifier.classify(byShare, revenue);
        String[] count = AbcClassifier.classify(byCount, revenue);
        String[] rfmSegments = RfmScoring.segments(rfm, recency, orders, revenue);
        for (int i = 0; i < n; i++) {
            String id = live.get(i).getAs("customer_id");
            assertThat(mart.get("revenue_abc").get(id)).as(id).isEqualTo(share[i]);
            assertThat(mart.get("revenue_abc_by_count").get(id)).as(id).isEqualTo(count[i]);
            assertThat(mart.get("rfm").get(id)).as(id).isEqualTo(rfmSegments[i]);
        }
    }

    @Test
    void everyContributionCurveReachesTheWholeTotal() {
        List<Row> ends = tables.read("mart_contribution_curve").where("point = 100").collectAsList();
        assertThat(ends).hasSize((int) (contribution.groups() - contribution.nonPositiveGroups()));
        assertThat(ends).allSatisfy(r -> assertThat(r.<Double>getAs("value_share")).isCloseTo(1.0, within(1e-9)));
        List<String> dimensions = tables.read("mart_contribution_summary").select("dimension").distinct()
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(dimensions).contains("company", "region", "branch", "outlet", "channel", "product_category",
                "arpu_band", "rfm", "lifecycle", "member_tier");
    }
}
