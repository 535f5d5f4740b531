package io.crmlake.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Properties;

/**
 * Renders the monthly pack in both languages from a published serving catalog, for the samples
 * in docs/samples (reports/samples.sh) and for looking at the pages while editing templates.
 * Arguments: the crmlake.duckdb file, the output folder, the period (yyyy-MM, or "latest": the
 * last month of mart_kpi), the org unit (default ALL).
 */
public final class SamplePack {

    private SamplePack() {}

    public static void main(String[] args) throws Exception {
        Path catalog = Path.of(args[0]);
        Path out = Path.of(args[1]);
        String orgUnit = args.length > 3 ? args[3] : ReportParameters.ALL_ORG_UNITS;
        Files.createDirectories(out);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        ReportRenderer renderer = new ReportRenderer();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + catalog, readOnly)) {
            YearMonth period = args.length > 2 && !args[2].equals("latest") ? YearMonth.parse(args[2]) : latestMonth(c);
            for (Locale locale : ReportLocales.SUPPORTED) {
                long start = System.nanoTime();
                byte[] pdf = renderer.render("monthly-pack", ReportParameters.monthlyPack(period, orgUnit), c, locale);
                Path file = out.resolve("monthly-pack-" + locale.toLanguageTag() + ".pdf");
                Files.write(file, pdf);
                System.out.printf("%s: %s %s, %,d bytes in %d ms%n", file, period, orgUnit, pdf.length,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static YearMonth latestMonth(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(month_key) from mart_kpi")) {
            rs.next();
            int monthKey = rs.getInt(1);
            if (rs.wasNull()) {
                throw new IllegalArgumentException("mart_kpi is empty in this catalog; pass the period (yyyy-MM) to render");
            }
            return YearMonth.of(monthKey / 100, monthKey % 100);
        }
    }
}
