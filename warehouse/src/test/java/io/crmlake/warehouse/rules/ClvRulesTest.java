package io.crmlake.warehouse.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.warehouse.yaml.YamlDocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvRulesTest {

    @TempDir
    Path dir;

    @Test
    void shippedDefaultsAreTwelveMonthsTenPercentWeeks() {
        ClvRules clv = RuleSets.loadDefault(RuleSetsTest.projectRoot()).clv();
        assertThat(clv.horizonMonths()).isEqualTo(12);
        assertThat(clv.annualDiscountRate()).isEqualByComparingTo("0.10");
        assertThat(clv.timeUnit()).isEqualTo("weeks");
        assertThat(clv.holdoutWeeks()).as("every pipeline run checks its fit on the last quarter").isEqualTo(13);
        assertThat(clv.contractual().marginRate()).isEqualByComparingTo("0.35");
        assertThat(clv.contractual().arpuMonths()).isEqualTo(3);
        assertThat(clv.valueBands().segmentIds()).containsExactly("none", "low", "medium", "high");
        // Lower bounds inclusive: exactly 1000 is high, 999.99 medium, 0.99 none.
        assertThat(clv.valueBand(1000.0).orElseThrow().id()).isEqualTo("high");
        assertThat(clv.valueBand(999.99).orElseThrow().id()).isEqualTo("medium");
        assertThat(clv.valueBand(0.99).orElseThrow().id()).isEqualTo("none");
        assertThat(clv.valueBand(Double.NaN)).isEmpty();
        assertThat(clv.bgnbd().dropoutPrior()).as("the shipped rules serve the generated lakes, which need it").isTrue();
    }

    @Test
    void dropoutPriorIsOptInAndOffWhenAbsent() throws IOException {
        broken("dropout_prior: true", "dropout_prior: false");
        assertThat(RuleSets.load(dir).clv().bgnbd().dropoutPrior()).isFalse();
        Files.writeString(dir.resolve(RuleSets.CLV), Files.readString(dir.resolve(RuleSets.CLV))
                .replace("bgnbd:\n  dropout_prior: false\n", ""));
        assertThat(Files.readString(dir.resolve(RuleSets.CLV))).doesNotContain("bgnbd");
        assertThat(RuleSets.load(dir).clv().bgnbd().dropoutPrior()).isFalse();
    }

    @Test
    void marginRateAboveOneIsRejectedAtItsLine() throws IOException {
        broken("margin_rate: 0.35", "margin_rate: 35");
        assertError("margin_rate: 35", "contractual.margin_rate", "expected a share in (0, 1]");
    }

    @Test
    void unknownTimeUnitIsRejected() throws IOException {
        broken("time_unit: weeks", "time_unit: fortnights");
        assertError("time_unit: fortnights", "time_unit", "expected one of [days, weeks, months]");
    }

    @Test
    void overlappingValueBandsNameTheBand() throws IOException {
        broken("lower: {value: 200, inclusive: true}", "lower: {value: 150, inclusive: true}");
        assertError("lower: {value: 150", "value_bands.bands[2].lower",
                "bands 'low' and 'medium' overlap between 150 and 200");
    }

    @Test
    void negativeHoldoutIsRejectedAtItsLine() throws IOException {
        broken("holdout_weeks: 13", "holdout_weeks: -4");
        assertError("holdout_weeks: -4", "holdout_weeks", "expected 0 (no holdout check) or a number of weeks");
    }

    @Test
    void missingHorizonIsNamed() throws IOException {
        broken("horizon_months: 12\n", "");
        assertThatThrownBy(() -> RuleSets.load(dir))
                .isInstanceOf(YamlDocumentException.class)
                .hasMessageContaining("clv.yml line")
                .hasMessageContaining("horizon_months: is required");
    }

    private void broken(String from, String to) throws IOException {
        for (String name : RuleSets.FILES) {
            Files.copy(RuleSetsTest.projectRoot().resolve(RuleSets.DEFAULT_DIR).resolve(name), dir.resolve(name));
        }
        Path file = dir.resolve(RuleSets.CLV);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private void assertError(String lineText, String field, String reason) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(RuleSets.CLV));
        int line = 0;
        for (int i = 0; i < lines.size() && line == 0; i++) {
            if (lines.get(i).contains(lineText)) {
                line = i + 1;
            }
        }
        assertThat(line).as("fixture line").isPositive();
        assertThatThrownBy(() -> RuleSets.load(dir))
                .isInstanceOf(YamlDocumentException.class)
                .hasMessageStartingWith(dir.resolve(RuleSets.CLV) + " line " + line + ", field " + field + ": ")
                .hasMessageContaining(reason);
    }
}
