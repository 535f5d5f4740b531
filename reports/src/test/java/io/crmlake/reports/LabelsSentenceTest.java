package io.crmlake.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * {@link Labels#sentence}: a warning's reason from mart_warning.detail_args in the bundle's
 * language, and the sentence as the mart wrote it whenever there is nothing to say it with.
 */
class LabelsSentenceTest {

    private static final ResourceBundle ZH = ReportLocales.labels(ReportLocales.CHINESE);
    private static final ResourceBundle EN = ReportLocales.labels(ReportLocales.ENGLISH);
    private static final String DETAIL = "balance 3.20 lasts 2.0 days at 1.60 a day";
    private static final String VALUES = "[\"3.20\",\"2.0\",\"1.60\"]";

    @Test
    void valuesAreSaidWithTheBundlesPatternForTheTriggerKind() {
        assertThat(Labels.sentence(ZH, "warning.detail", "balance_days_left", VALUES, DETAIL))
                .isEqualTo("余额 3.20 元，按每天 1.60 元仅够 2.0 天");
        assertThat(Labels.sentence(EN, "warning.detail", "balance_days_left", VALUES, DETAIL)).isEqualTo(DETAIL);
        assertThat(Labels.sentence(ZH, "warning.detail", "contract_days_left", "[\"2025-07-20\",\"25\"]", "contract ends …"))
                .isEqualTo("合约 2025-07-20 到期（剩 25 天）");
    }

    @Test
    void withoutValuesOrPatternTheSentencePrintsAsWritten() {
        // a row written before detail_args existed
        assertThat(Labels.sentence(ZH, "warning.detail", "balance_days_left", null, DETAIL)).isEqualTo(DETAIL);
        // a trigger kind no bundle knows yet
        assertThat(Labels.sentence(ZH, "warning.detail", "points_expiring", "[\"500\"]", "500 points expire")).isEqualTo("500 points expire");
        // values that are not a JSON array of strings
        assertThat(Labels.sentence(ZH, "warning.detail", "balance_days_left", "3.20|2.0|1.60", DETAIL)).isEqualTo(DETAIL);
    }
}
