package io.crmlake.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Properties;

/**
 * Renders the monthly pack in both languages from a published serving catalog, for the samples
 * in docs/samples (reports/samples.sh) and for looking at the pages while editing templates.
 * Arguments: the crmlake.duckdb file, the output folder, the period (yyyy-MM), the org unit.
 */
public final class SamplePack {

    private SamplePack() {}

    public static void main(String[] args) throws Exception {
        Path catalog = Path.of(args[0]);
        Path out = Path.of(args[1]);
        YearMonth period = YearMonth.parse(args[2]);
        String orgUnit = args.length > 3 ? args[3] : ReportParameters.ALL_ORG_UNITS;
        Files.createDirectories(out);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        ReportRenderer renderer = new ReportRenderer();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + catalog, readOnly)) {
            for (Locale locale : ReportLocales.SUPPORTED) {
                long start = System.nanoTime();
                byte[] pdf = renderer.render("monthly-pack", ReportParameters.monthlyPack(period, orgUnit), c, locale);
                Path file = out.resolve("monthly-pack-" + locale.toLanguageTag() + ".pdf");
                Files.write(file, pdf);
                System.out.printf("%s: %,d bytes in %d ms%n", file, pdf.length, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
