package io.crmlake.api.reports;

import io.crmlake.api.problems.BadParameterException;
import io.crmlake.api.problems.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report archive: what the schedules rendered (and what failed), and the PDFs. */
@RestController
class ArchiveController {

    private final ReportArchive archive;

    ArchiveController(ReportArchive archive) {
        this.archive = archive;
    }

    @Operation(summary = "Archived report runs, newest first, with report, period, parameters, locale, data version "
            + "(publish time, Delta versions), generated time, size and SHA-256; failed runs with their reason")
    @GetMapping("/api/reports/archive")
    List<ArchiveEntry> list(@RequestParam(required = false) String report, @RequestParam(required = false) String period) {
        if (period != null && !period.isBlank() && !period.matches("\\d{4}-\\d{2}")) {
            throw new BadParameterException("period", "period: '" + shorten(period) + "' is not a month; use yyyy-MM, e.g. 2025-06");
        }
        return archive.list(report == null || report.isBlank() ? null : report.trim(),
                period == null || period.isBlank() ? null : period);
    }

    @Operation(summary = "Download an archived PDF by its archive id")
    @GetMapping("/api/reports/archive/{id}")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        if (!ReportArchive.isArchiveId(id)) {
            throw new BadParameterException("id", "id: '" + shorten(id) + "' is not an archive id; take one from GET /api/reports/archive");
        }
        ArchiveEntry entry = archive.find(id)
                .orElseThrow(() -> new NotFoundException("no archived report '" + id + "'; see GET /api/reports/archive"));
        Path pdf = archive.pdf(entry).orElseThrow(() -> new NotFoundException(entry.ok()
                ? "the PDF of '" + id + "' is gone (deleted by retention?)"
                : "run '" + id + "' failed and has no PDF: " + entry.reason()));
        try {
            return ReportsController.pdf(Files.readAllBytes(pdf), entry.fileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + id + " from the report archive", e);
        }
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
