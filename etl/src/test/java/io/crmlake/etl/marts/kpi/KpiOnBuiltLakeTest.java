package io.crmlake.etl.marts.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.warnings.WarningsJob;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.BuiltLake;
import io.crmlake.warehouse.rules.RuleSet;
import io.crmlake.warehouse.rules.RuleSets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings then KPIs on the shared generated lake (600 customers, 2024-01 to 2024-12), with
 * the shipped rules moved to 2024 (targets in force) and the yearly retention made quarterly
 * (the lake holds no December 2023 snapshot). Asserts invariants, not fixed numbers.
 */
class KpiOnBuiltLakeTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);

    @TempDir
    static Path dir;

    private static LakeTables tables;
    private static Dataset<Row> warnings;
    private static List<Row> kpis;

    @BeforeAll
    static void runMarts() throws IOException {
        tables = BuiltLake.tables();
        RuleSet rules = RuleSets.load(rulesFor2024());
        MartRun run = new MartRun(tables, rules, AS_OF, ZoneId.of("Asia/Shanghai"), line -> { });
        new WarningsJob(run).run();
        new KpiJob(run).run();
        warnings = tables.read("mart_warning").where(col("as_of_date").equalTo(Date.valueOf(AS_OF))).cache();
        kpis = tables.read("mart_kpi").where(col("as_of_date").equalTo(Date.valueOf(AS_OF))).collectAsList();
    }

    private static Path rulesFor2024() throws IOException {
        Path shipped = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(shipped.resolve("conf/rules"))) {
            shipped = shipped.getParent();
        }
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(shipped.resolve("conf/rules"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("kpi-targets.yml")) {
                    text = text.replace("2025-01-01", "2024-01-01").replace("period: yearly", "period: quarterly");
                }
                Files.writeString(rules.resolve(f.getFileName()), text);
            }
        }
        return rules;
    }

    @Test
    void everyCompletedWarningHasAConsentedQualifyingContactInsideItsWindow() {
        assertThat(warnings.count()).isPositive();
        assertThat(warnings.select("warning_id").distinct().count()).isEqualTo(warnings.count());
        Dataset<Row> contacts = tables.read("fact_touchpoint")
                .select(col("touchpoint_id").as("completed_by_touchpoint_id"), col("consent_ok"), col("outcome"), col("date_key"));
        long wrong = warnings.where(col("status").equalTo("completed"))
                .join(contacts, new String[] {"completed_by_touchpoint_id"}, "left")
                .where(col("consent_ok").isNull().or(col("consent_ok").equalTo(false))
                        .or(col("outcome").isin("reached", "responded", "converted").equalTo(false))
                        .or(col("completed_at").lt(col("triggered_on").cast("timestamp")))
                        .or(col("completed_at").geq(org.apache.spark.sql.functions.date_add(col("window_end"), 1).cast("timestamp"))))
                .count();
        assertThat(wrong).isZero();
        assertThat(warnings.where(col("status").equalTo("open").and(col("window_end").leq(Date.valueOf(AS_OF)))).count()).isZero();
        assertThat(warnings.where(col("status").equalTo("expired").and(col("window_end").gt(Date.valueOf(AS_OF)))).count()).isZero();
        assertThat(warnings.where(col("triggered_on").gt(Date.valueOf(AS_OF))).count()).isZero();
        // One warning per episode: a contract warns once per account, a birthday once per customer and month.
        assertThat(warnings.where(col("warning_type").equalTo("contract_expiring")).groupBy("subject_id").count()
                .where(col("count").gt(1)).count()).isZero();
        List<String> types = warnings.select("warning_type").distinct().collectAsList().stream().map(r -> r.getString(0)).toList();
        assertThat(types).contains("birthday_next_month", "contract_expiring", "purchase_overdue");
    }

    private static BigDecimal value(String unit, int month, String kpi) {
        return kpis.stream().filter(r -> r.getAs("org_unit_id").equals(unit) && r.<Integer>getAs("month_key") == month
                        && r.getAs("kpi").equals(kpi) && r.getAs("scope").equals("all customers") && r.getAs("period").equals("monthly"))
                .map(r -> (BigDecimal) r.getAs("numerator")).findFirst().orElseThrow();
    }

    @Test
    void netChangeIsGrossAddsMinusGrossLosses() {
        for (int month = 202403; month <= 202412; month++) {
            BigDecimal net = value("ALL", month, "active_customers").subtract(value("ALL", month - 1, "active_customers"));
            assertThat(net).as("month %d", month)
                    .isEqualByComparingTo(value("ALL", month, "gross_adds").subtract(value("ALL", month, "gross_losses")));
        }
        assertThat(kpis).extracting(r -> (Integer) r.getAs("month_key")).allMatch(m -> m >= 202402 && m <= 202412);
    }

    @Test
    void ratesAreConsistentAndVerdictsOnlyWhereATargetIs() {
        Map<String, BigDecimal> retention = new HashMap<>();
        for (Row r : kpis) {
            String status = r.getAs("status");
            assertThat(status).isIn("met", "missed", "no_target", "no_data");
            assertThat(r.getAs("target") == null).isEqualTo(status.equals("no_target"));
            BigDecimal den = r.getAs("denominator");
            BigDecimal num = r.getAs("numerator");
            if (List.of("churn_rate", "warning_completion", "repeat_purchase_rate").contains((String) r.getAs("kpi"))) {
                assertThat(num).isLessThanOrEqualTo(den);
            }
            if (r.getAs("kpi").equals("retention")) {
                retention.put(r.getAs("org_unit_id") + "|" + r.getAs("month_key") + "|" + r.getAs("variant"), num);
            }
        }
        assertThat(retention).isNotEmpty();
        retention.forEach((k, staticNum) -> {
            if (k.endsWith("|static")) {
                String cell = k.substring(0, k.length() - "static".length());
                assertThat(staticNum).isLessThanOrEqualTo(retention.get(cell + "active"));
                assertThat(staticNum).isLessThanOrEqualTo(retention.get(cell + "dynamic"));
            }
        });
        assertThat(kpis).anyMatch(r -> r.getAs("status").equals("met") || r.getAs("status").equals("missed"));
    }

    @Test
    void completionReconcilesWithTheWarningsMart() {
        long completed = warnings.where(col("status").equalTo("completed")
                .and(col("triggered_on").between(Date.valueOf("2024-11-01"), Date.valueOf("2024-11-30")))).count();
        long decided = warnings.where(col("status").isin("completed", "expired")
                .and(col("triggered_on").between(Date.valueOf("2024-11-01"), Date.valueOf("2024-11-30")))).count();
        Row all = kpis.stream().filter(r -> r.getAs("org_unit_id").equals("ALL") && r.<Integer>getAs("month_key") == 202411
                && r.getAs("kpi").equals("warning_completion") && r.getAs("variant").equals("all_triggers")).findFirst().orElseThrow();
        assertThat((BigDecimal) all.getAs("numerator")).isEqualByComparingTo(BigDecimal.valueOf(completed));
        assertThat((BigDecimal) all.getAs("denominator")).isEqualByComparingTo(BigDecimal.valueOf(decided));
    }
}
