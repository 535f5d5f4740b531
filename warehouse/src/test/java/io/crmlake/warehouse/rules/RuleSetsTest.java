package io.crmlake.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.warehouse.yaml.YamlDocumentException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetsTest {

    @TempDir
    Path dir;

    /** The project root, found from the module folder Maven runs the tests in. */
    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve(RuleSets.DEFAULT_DIR))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no conf/rules above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void loadsTheShippedDefaultSet() {
        RuleSet rules = RuleSets.loadDefault(projectRoot());

        BandScheme arpu = rules.segments().scheme("arpu_band", BandScheme.class);
        assertThat(arpu.segmentIds()).containsExactly("low", "mid", "high");
        assertThat(rules.lifecycle().stageIds()).containsExactly("exploration", "formation", "stability", "decline", "churned");
        assertThat(rules.tiers().tierIds()).containsExactly("ordinary", "senior", "vip", "supreme");
        assertThat(rules.warnings().triggers()).hasSize(4);
        assertThat(rules.versions()).containsEntry(RuleSets.SEGMENTS, 1);

        KpiTarget churn = rules.kpiTargets().inForce(Kpi.CHURN_RATE, LocalDate.of(2025, 6, 1)).get(0);
        assertThat(churn.operator()).isEqualTo(Operator.AT_MOST);
        assertThat(churn.threshold()).isEqualByComparingTo("7.5");
        KpiTarget retention = rules.kpiTargets().inForce(Kpi.RETENTION, LocalDate.of(2025, 6, 1)).get(0);
        assertThat(retention.variant()).isEqualTo(KpiTarget.RetentionVariant.DYNAMIC);
    }

    @Test
    void arpuOfExactly80IsMidButOutsideTheAbove80KpiScope() {
        // Decision (docs/rules.md): band mid is "80–200" with 80 inclusive; the operator's KPI
        // text says "ARPU > 80", so the KPI scope excludes 80 itself.
        RuleSet rules = RuleSets.loadDefault(projectRoot());
        BandScheme arpu = rules.segments().scheme("arpu_band", BandScheme.class);
        assertThat(arpu.band("mid").orElseThrow().contains(80.00)).isTrue();
        assertThat(arpu.band("low").orElseThrow().contains(80.00)).isFalse();
        assertThat(arpu.band("low").orElseThrow().contains(79.99)).isTrue();
        assertThat(arpu.band("mid").orElseThrow().contains(200.00)).isTrue();
        assertThat(arpu.band("high").orElseThrow().contains(200.00)).isFalse();
        KpiScope scope = rules.kpiTargets().inForce(Kpi.WARNING_COMPLETION, LocalDate.of(2025, 6, 1)).get(0).scope();
        assertThat(scope.admitsMeasure(new BigDecimal("80.00"))).isFalse();
        assertThat(scope.admitsMeasure(new BigDecimal("80.01"))).isTrue();
    }

    @Test
    void wrongTypeNamesFileLineAndField() throws IOException {
        String file = broken(RuleSets.SEGMENTS, "    window_months: 12\n    method: cumulative_share",
                "    window_months: twelve\n    method: cumulative_share");
        assertError(file, "window_months: twelve", "schemes[1].window_months", "Integer");
    }

    @Test
    void unknownSchemeKindNamesTheKnownKinds() throws IOException {
        String file = broken(RuleSets.SEGMENTS, "kind: rfm", "kind: quantiles");
        assertError(file, "kind: quantiles", "schemes[3]", "known type ids = [bands, pareto, rfm]");
    }

    @Test
    void overlappingBandsNameBothBands() throws IOException {
        String file = broken(RuleSets.SEGMENTS, "upper: {value: 80, inclusive: false}", "upper: {value: 80, inclusive: true}");
        assertError(file, "lower: {value: 80, inclusive: true}", "schemes[0].bands[1].lower.inclusive",
                "bands 'low' and 'mid' overlap at 80");
    }

    @Test
    void overlappingBandValuesAreReported() throws IOException {
        String file = broken(RuleSets.SEGMENTS, "lower: {value: 200, inclusive: false}", "lower: {value: 150, inclusive: false}");
        assertError(file, "lower: {value: 150", "schemes[0].bands[2].lower", "bands 'mid' and 'high' overlap between 150 and 200");
    }

    @Test
    void gapBetweenBandsIsReported() throws IOException {
        String file = broken(RuleSets.SEGMENTS, "lower: {value: 80, inclusive: true}", "lower: {value: 90, inclusive: true}");
        assertError(file, "lower: {value: 90", "schemes[0].bands[1].lower", "bands 'low' and 'mid' leave a gap between 80 and 90");
    }

    @Test
    void gapAtAPointWhenBothBoundsAreExclusive() throws IOException {
        String file = broken(RuleSets.SEGMENTS, "lower: {value: 80, inclusive: true}", "lower: {value: 80, inclusive: false}");
        assertError(file, "lower: {value: 80, inclusive: false}", "schemes[0].bands[1].lower.inclusive", "leave a gap at 80");
    }

    @Test
    void missingInclusiveFlagPointsAtTheBound() throws IOException {
        String file = broken(RuleSets.TIERS, "single_purchase: {value: 2500, inclusive: true}", "single_purchase: {value: 2500}");
        assertError(file, "single_purchase: {value: 2500}", "tiers[2].upgrade.single_purchase.inclusive",
                "is required: true if 2500 itself is inside");
    }

    @Test
    void unknownSchemeInKpiScope() throws IOException {
        String file = broken(RuleSets.KPI_TARGETS, "scope: {scheme: arpu_band, bands: [mid, high]}",
                "scope: {scheme: arpu_bands, bands: [mid, high]}");
        assertError(file, "scheme: arpu_bands", "targets[3].scope.scheme", "scheme 'arpu_bands' is not defined in segments.yml");
    }

    @Test
    void unknownBandInKpiScope() throws IOException {
        String file = broken(RuleSets.KPI_TARGETS, "scope: {scheme: arpu_band, bands: [mid, high]}",
                "scope: {scheme: arpu_band, bands: [mid, top]}");
        assertError(file, "bands: [mid, top]", "targets[3].scope.bands[1]", "'top' is not a band of scheme 'arpu_band'");
    }

    @Test
    void customerBaseWindowMustBePositive() throws IOException {
        String file = broken(RuleSets.KPI_TARGETS, "active_purchase_window_days: 365", "active_purchase_window_days: 0");
        assertError(file, "active_purchase_window_days: 0", "active_purchase_window_days", "expected a positive whole number");
    }

    @Test
    void unknownWarningTriggerInKpiTarget() throws IOException {
        String file = broken(RuleSets.KPI_TARGETS, "triggers: [balance_running_out,", "triggers: [balance_runout,");
        assertError(file, "triggers: [balance_runout", "targets[2].triggers[0]", "trigger 'balance_runout' is not defined in warnings.yml");
    }

    @Test
    void percentThresholdWrittenAsFractionIsCaughtByTheUnit() throws IOException {
        String file = broken(RuleSets.KPI_TARGETS, "    threshold: 7.5\n    unit: percent", "    threshold: 0.075\n    unit: ratio");
        assertError(file, "unit: ratio", "targets[0].unit", "not one of the values accepted");
    }

    @Test
    void lifecycleRuleOnAnUnknownMeasure() throws IOException {
        String file = broken(RuleSets.LIFECYCLE, "trend_ratio: {upper: {value: 0.8, inclusive: false}}",
                "trend_rate: {upper: {value: 0.8, inclusive: false}}");
        assertError(file, "trend_rate:", "rules[3].when.trend_rate", "'trend_rate' is not a lifecycle measure");
    }

    @Test
    void strayYamlFileInTheFolderIsRejected() throws IOException {
        copyDefaults();
        Files.writeString(dir.resolve("segment.yml"), "version: 1\n");
        assertThatThrownBy(() -> RuleSets.load(dir))
                .isInstanceOf(YamlDocumentException.class)
                .hasMessageContaining("segment.yml: not a rules file");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        copyDefaults();
        Files.delete(dir.resolve(RuleSets.WARNINGS));
        assertThatThrownBy(() -> RuleSets.load(dir))
                .isInstanceOf(YamlDocumentException.class)
                .hasMessageContaining("warnings.yml: no such file");
    }

    private void copyDefaults() throws IOException {
        for (String name : RuleSets.FILES) {
            Files.copy(projectRoot().resolve(RuleSets.DEFAULT_DIR).resolve(name), dir.resolve(name));
        }
    }

    /** Copies the default set into the temp folder with one replacement in one file. */
    private String broken(String name, String from, String to) throws IOException {
        copyDefaults();
        String text = Files.readString(dir.resolve(name));
        assertThat(text).as("fixture text to replace in %s", name).contains(from);
        Files.writeString(dir.resolve(name), text.replace(from, to));
        return name;
    }

    private void assertError(String name, String lineText, String field, String reason) throws IOException {
        int expectedLine = lineContaining(Files.readAllLines(dir.resolve(name)), lineText);
        assertThatThrownBy(() -> RuleSets.load(dir))
                .isInstanceOf(YamlDocumentException.class)
                .hasMessageStartingWith(dir.resolve(name) + " line " + expectedLine + ", field " + field + ": ")
                .hasMessageContaining(reason);
    }

    private static int lineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
