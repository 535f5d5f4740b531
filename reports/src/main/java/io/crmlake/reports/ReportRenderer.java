package io.crmlake.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;

/**
 * Fills a report template from a JDBC connection to the serving catalog and exports it as PDF.
 *
 * <ul>
 *   <li>Templates are compiled once and cached ({@link CompiledTemplates}).</li>
 *   <li>At most {@code maxConcurrent} fills run at once; further requests wait their turn in
 *       arrival order (a fair semaphore), so a burst of requests queues instead of exhausting
 *       the heap.</li>
 *   <li>Every fill pages out to a swap file beyond {@link #PAGES_IN_MEMORY} pages
 *       (JRSwapFileVirtualizer), so a 2,000-line worklist costs little more heap than a short one.</li>
 *   <li>Bad requests fail before any work with {@link InvalidReportParameterException}; a
 *       request that matches no rows renders a PDF that says "no data for …".</li>
 * </ul>
 * Thread-safe; one instance per application.
 */
public final class ReportRenderer {

    /** Filled pages kept on the heap per render before the virtualizer swaps them to disk. */
    static final int PAGES_IN_MEMORY = 8;

    private final CompiledTemplates templates = new CompiledTemplates();
    private final Semaphore slots;
    private final Path swapDirectory;
    private final ZoneId businessZone;
    private final Clock clock;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    /** Two renders at a time (one per core of a small server), swap files in the temp folder, Asia/Shanghai. */
    public ReportRenderer() {
        this(2, defaultSwapDirectory(), ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
    }

    public ReportRenderer(int maxConcurrent, Path swapDirectory, ZoneId businessZone, Clock clock) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        this.slots = new Semaphore(maxConcurrent, true);
        this.swapDirectory = swapDirectory;
        this.businessZone = businessZone;
        this.clock = clock;
        try {
            Files.createDirectories(swapDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report swap folder " + swapDirectory, e);
        }
    }

    /**
     * Renders one report.
     *
     * @param report     a report id ({@code monthly-pack}, {@code warning-worklist}, {@code customer-one-pager})
     * @param p          what the report is about; see {@link Report#required()}
     * @param connection a connection to the serving catalog; used, not closed
     * @param locale     zh-CN or en (see {@link ReportLocales#resolve})
     * @return the PDF bytes
     * @throws InvalidReportParameterException when the request names something that does not exist
     */
    public byte[] render(String report, ReportParameters p, Connection connection, Locale locale) {
        Report definition = Report.byId(report);
        Locale language = ReportLocales.resolve(locale);
        if (p == null) {
            throw new InvalidReportParameterException("parameters", "missing; the " + definition.id() + " report needs "
                    + String.join(", ", definition.required().stream().map(Report.Parameter::key).toList()));
        }
        boolean companyWide;
        try {
            RequestCheck.check(definition, p, connection);
            companyWide = p.orgUnitId() != null && RequestCheck.companyWide(connection, p.orgUnitId());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the request against the serving catalog: " + e.getMessage(), e);
        }
        JasperReport main = templates.get(definition.template());
        Map<String, JasperReport> subreports = new HashMap<>();
        definition.subreports().forEach(name -> subreports.put(name, templates.get(name)));

        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free render slot", e);
        }
        int now = running.incrementAndGet();
        peakRunning.accumulateAndGet(now, Math::max);
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(swapDirectory.toString(), 4096, 64), true);
        try {
            Map<String, Object> parameters = parameters(definition, p, language, subreports);
            parameters.put("COMPANY_WIDE", companyWide);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint print = JasperFillManager.fillReport(main, parameters, connection);
            if (print.getPages().isEmpty()) {
                // Every template has a noData band; an empty print means a template lost it.
                throw new IllegalStateException("report " + definition.id() + " produced no pages; its template needs a noData band");
            }
            return pdf(print, definition, language);
        } catch (JRException e) {
            throw new IllegalStateException("report " + definition.id() + " failed: " + e.getMessage(), e);
        } finally {
            virtualizer.cleanup();
            running.decrementAndGet();
            slots.release();
        }
    }

    /** The most renders that ever ran at the same time (for tests and the benchmark). */
    public int peakConcurrentRenders() {
        return peakRunning.get();
    }

    /** Compiles every template now, so the first request does not pay for it. */
    public void warmUp() {
        for (Report r : Report.values()) {
            templates.get(r.template());
            r.subreports().forEach(templates::get);
        }
    }

    private Map<String, Object> parameters(Report report, ReportParameters p, Locale language,
                                           Map<String, JasperReport> subreports) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(JRParameter.REPORT_LOCALE, language);
        m.put(JRParameter.REPORT_RESOURCE_BUNDLE, ReportLocales.labels(language));
        m.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(businessZone));
        m.put("SUBREPORTS", subreports);
        m.put("GENERATED_AT", Date.from(clock.instant()));
        if (p.orgUnitId() != null) {
            m.put("ORG_UNIT_ID", p.orgUnitId());
        }
        if (p.customerId() != null) {
            m.put("CUSTOMER_ID", p.customerId());
        }
        if (p.period() != null) {
            m.put("MONTH_KEY", p.period().getYear() * 100 + p.period().getMonthValue());
            m.put("PERIOD_START", p.period().atDay(1).toString());
            m.put("PERIOD_END", p.period().atEndOfMonth().toString());
            YearMonth previous = p.period().minusMonths(1);
            m.put("PREVIOUS_MONTH_KEY", previous.getYear() * 100 + previous.getMonthValue());
        }
        if (report == Report.WARNING_WORKLIST) {
            LocalDate asOf = p.asOf() != null ? p.asOf() : LocalDate.now(clock.withZone(businessZone));
            m.put("AS_OF", asOf.toString());
        }
        return m;
    }

    private static byte[] pdf(JasperPrint print, Report report, Locale language) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfReportConfiguration reportConfig = new SimplePdfReportConfiguration();
        // Break lines where AWT measured them, so CJK text wraps in the PDF exactly as it was laid out.
        reportConfig.setForceLineBreakPolicy(true);
        exporter.setConfiguration(reportConfig);
        SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
        config.setMetadataTitle(print.getName());
        config.setMetadataCreator("crmlake " + report.id());
        config.setTagLanguage(language.toLanguageTag());
        config.setCompressed(true);
        exporter.setConfiguration(config);
        exporter.exportReport();
        return out.toByteArray();
    }

    private static Path defaultSwapDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "crmlake-report-swap");
    }
}
