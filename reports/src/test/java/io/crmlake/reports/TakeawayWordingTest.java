package io.crmlake.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Takeaways read as sentences: one warning "is" open, several "are" (JasperReports' msg() is MessageFormat). */
class TakeawayWordingTest {

    private static String en(String key, Object... args) {
        return new MessageFormat(ReportLocales.labels(Locale.ENGLISH).getString(key), Locale.ENGLISH).format(args);
    }

    @Test
    void openWarningsAgreeInNumber() {
        assertThat(en("warnings.takeaway", 11L, 62L, "17.7 %", 1L))
                .isEqualTo("11 of 62 decided warnings were completed (17.7 %); 1 is still open.");
        assertThat(en("warnings.takeaway", 11L, 62L, "17.7 %", 1204L))
                .isEqualTo("11 of 62 decided warnings were completed (17.7 %); 1,204 are still open.");
        assertThat(en("warnings.takeaway", 62L, 62L, "100 %", 0L)).endsWith("; none is still open.");
        assertThat(en("warnings.takeawayNoneDecided", 1L)).isEqualTo("No warning of the month is decided yet; 1 is open.");
        assertThat(en("warnings.takeawayNoneDecided", 3L)).isEqualTo("No warning of the month is decided yet; 3 are open.");
    }
}
