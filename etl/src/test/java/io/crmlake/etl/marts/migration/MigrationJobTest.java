package io.crmlake.etl.marts.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmlake.etl.marts.GoldFixture;
import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.DefaultRules;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.support.TableSnapshot;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three contractual customers over 14 months (2024-01 .. 2025-02), ARPU = the monthly bill:
 * C1 upgrades low (50) → mid (100, from 2024-07) → high (250, from 2025-01); C2 (mid, 90) closes
 * its account in 2024-04 and 2024-05 (churned) and comes back in 2024-06 (won back); C3 arrives
 * in 2024-03 at 300 (new, high). Hand-computed flows, matrices and projection below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationJobTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 2, 28);

    @TempDir
    static Path dir;

    LakeTables tables;
    MigrationJob.Summary summary;
    Map<String, List<String>> firstRun;

    @BeforeAll
    void runOnThreeCustomers() {
        tables = SharedSpark.lake(dir.resolve("lake"));
        GoldFixture gold = new GoldFixture(tables);
        for (int i = 0; i < 14; i++) {
            int month = 202401 + (i / 12) * 100 + i % 12;
            bill(gold, "C1", month, i, i < 6 ? 50 : i < 12 ? 100 : 250, true);
            boolean closed = month == 202404 || month == 202405;
            bill(gold, "C2", month, i, closed ? 0 : 90, !closed);
            if (i >= 2) {
                bill(gold, "C3", month, i - 2, 300, true);
            }
        }
        gold.row("fact_transaction", "txn_id", "none", "month_key", 202401, "customer_id", "C1", "txn_type", "bill");
        gold.write();
        summary = new MigrationJob(run(), MigrationJob.Options.DEFAULT).run();
        firstRun = snapshot();
        // Each mart read once: Delta reads cost about a second each on this machine.
        segments = tables.read("mart_segment_month").collectAsList();
        transitions = tables.read("mart_segment_transition").collectAsList();
        flows = tables.read("mart_segment_flow").collectAsList();
        projections = tables.read("mart_segment_projection").collectAsList();
    }

    List<Row> segments;
    List<Row> transitions;
    List<Row> flows;
    List<Row> projections;

    private static boolean is(Row r, String column, Object value) {
        return value.equals(r.getAs(column));
    }

    private static void bill(GoldFixture gold, String customer, int month, int tenure, int amount, boolean active) {
        gold.row("fact_customer_month", "customer_id", customer, "month_key", month, "relationship", "contractual",
                "revenue", amount, "account_revenue", amount, "active_accounts", active ? 1 : 0, "is_active", active,
                "tenure_months", tenure);
    }

    private MartRun run() {
        return new MartRun(tables, DefaultRules.get(), AS_OF, ZoneId.of("Asia/Shanghai"), line -> { });
    }

    private Map<String, List<String>> snapshot() {
        return List.of("mart_segment_month", "mart_segment_transition", "mart_segment_flow", "mart_segment_projection")
                .stream().collect(Collectors.toMap(t -> t, t -> TableSnapshot.rows(tables, t)));
    }

    private String segment(String scheme, String customer, int month) {
        return segments.stream().filter(r -> is(r, "scheme", scheme) && is(r, "customer_id", customer) && is(r, "month_key", month))
                .map(r -> r.<String>getAs("segment")).findFirst().orElseThrow();
    }

    @Test
    void everyCustomerMonthHasExactlyOneSegmentPerScheme() {
        long schemes = new SegmentHistory(DefaultRules.get()).schemeIds().size();
        assertThat(summary.segmentRows()).isEqualTo(3 * 14 * schemes);
        assertThat(segments.stream().map(r -> r.getAs("month_key") + " " + r.getAs("scheme") + " " + r.getAs("customer_id"))
                .distinct().count()).isEqualTo(summary.segmentRows());
        assertThat(segment("arpu_band", "C3", 202402)).isEqualTo("not_yet_customer");
        assertThat(segment("arpu_band", "C3", 202403)).isEqualTo("high");
        assertThat(segment("arpu_band", "C1", 202406)).isEqualTo("low");
        assertThat(segment("arpu_band", "C1", 202407)).isEqualTo("mid");
        assertThat(segment("arpu_band", "C2", 202404)).isEqualTo("churned");
        assertThat(segment("lifecycle", "C2", 202405)).isEqualTo("churned");
        assertThat(segment("member_tier", "C2", 202405)).isEqualTo("churned");
        assertThat(segment("member_tier", "C1", 202405)).isEqualTo("no_tier"); // bills are not purchases
    }

    @Test
    void flowsFollowTheHandComputedMoves() {
        Map<String, Long> arpuFlows = flows.stream().filter(r -> is(r, "scheme", "arpu_band"))
                .collect(Collectors.toMap(r -> r.getAs("month_key") + " " + r.getAs("flow"), r -> r.<Long>getAs("customers")));
        assertThat(arpuFlows).containsEntry("202402 stable", 2L).doesNotContainKey("202402 new")
                .containsEntry("202403 new", 1L).containsEntry("202403 stable", 2L)
                .containsEntry("202404 churned", 1L).containsEntry("202404 stable", 2L)
                .containsEntry("202405 stable", 2L).doesNotContainKey("202405 churned")
                .containsEntry("202406 won_back", 1L)
                .containsEntry("202407 upgraded", 1L).containsEntry("202407 stable", 2L)
                .containsEntry("202501 upgraded", 1L);
        Row churned = flows.stream().filter(r -> is(r, "scheme", "arpu_band") && is(r, "month_key", 202404)
                && is(r, "flow", "churned")).findFirst().orElseThrow();
        assertThat(churned.<java.math.BigDecimal>getAs("revenue_previous")).isEqualByComparingTo("90");
    }

    @Test
    void transitionCountsSumToTheFromMonthAndRatesToOne() {
        Map<String, Long> sums = transitions.stream().collect(Collectors.groupingBy(
                r -> r.getAs("scheme") + " " + r.getAs("comparison") + " " + r.getAs("from_month"),
                Collectors.summingLong(r -> r.<Long>getAs("customers"))));
        // 6 schemes × (13 mom + 2 yoy month pairs)
        assertThat(sums).hasSize(6 * 15).allSatisfy((k, c) -> assertThat(c).as(k).isEqualTo(3L));
        Map<String, Double> rates = transitions.stream().collect(Collectors.groupingBy(
                r -> r.getAs("scheme") + " " + r.getAs("comparison") + " " + r.getAs("from_month") + " " + r.getAs("from_segment"),
                Collectors.summingDouble(r -> r.<Double>getAs("rate"))));
        assertThat(rates).allSatisfy((k, r) -> assertThat(r).as(k).isCloseTo(1.0, within(1e-12)));
        // Year over year: 2024-01 → 2025-01 has C1 low → high, C2 mid → mid, C3 not yet → high.
        Map<String, Long> yoy = transitions.stream()
                .filter(r -> is(r, "scheme", "arpu_band") && is(r, "comparison", "yoy") && is(r, "to_month", 202501))
                .collect(Collectors.toMap(r -> r.getAs("from_segment") + ">" + r.getAs("to_segment"), r -> r.<Long>getAs("customers")));
        assertThat(yoy).containsOnly(Map.entry("low>high", 1L), Map.entry("mid>mid", 1L), Map.entry("not_yet_customer>high", 1L));
    }

    @Test
    void projectionMatchesTheHandComputedMatrix() {
        // Pooled mom moves 2024-03 .. 2025-02 (12 months, not_yet excluded):
        //   high: 12 × high→high; mid: 14 mid→mid, 1 mid→high, 1 mid→churned;
        //   low: 4 low→low, 1 low→mid; churned: 1 churned→churned, 1 churned→mid.
        // Base mix 2025-02: high 2/3 (C1, C3), mid 1/3 (C2). One step: high = 2/3 + 1/3 · 1/16 = 33/48,
        // mid = 1/3 · 14/16 = 14/48, churned = 1/3 · 1/16 = 1/48, low = 0.
        Map<String, Double> step1 = projection(1);
        assertThat(step1.get("high")).isCloseTo(33.0 / 48, within(1e-12));
        assertThat(step1.get("mid")).isCloseTo(14.0 / 48, within(1e-12));
        assertThat(step1.get("churned")).isCloseTo(1.0 / 48, within(1e-12));
        assertThat(step1.get("low")).isCloseTo(0.0, within(1e-12));
        assertThat(projection(0)).containsEntry("high", 2.0 / 3).containsEntry("mid", 1.0 / 3);
        List<Row> arpu = projections.stream().filter(r -> is(r, "scheme", "arpu_band")).toList();
        assertThat(arpu).allSatisfy(r -> {
            assertThat(r.<Integer>getAs("fitted_months")).isEqualTo(12);
            assertThat(r.<Integer>getAs("fitted_from_month")).isEqualTo(202403);
        });
        assertThat(arpu.stream().map(r -> r.<Integer>getAs("step")).distinct().count()).isEqualTo(13);
    }

    private Map<String, Double> projection(int step) {
        return projections.stream().filter(r -> is(r, "scheme", "arpu_band") && is(r, "step", step))
                .collect(Collectors.toMap(r -> r.getAs("segment"), r -> r.<Double>getAs("share")));
    }

    @Test
    void rerunningTheSameAsOfLeavesIdenticalContent() {
        new MigrationJob(run(), MigrationJob.Options.DEFAULT).run();
        assertThat(snapshot()).isEqualTo(firstRun);
    }
}
