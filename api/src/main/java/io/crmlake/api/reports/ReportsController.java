package io.crmlake.api.reports;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Renders a report on request and returns the PDF (not archived: the archive holds scheduled runs). */
@RestController
class ReportsController {

    private final ReportService service;

    ReportsController(ReportService service) {
        this.service = service;
    }

    @Operation(summary = "Render a report as PDF: monthly-pack (period yyyy-MM, org_unit), warning-worklist "
            + "(org_unit, as_of yyyy-MM-dd), customer-one-pager (customer_id); locale zh-CN (default) or en. "
            + "Parameters as query or form fields. 400 names a bad parameter, 404 an unknown report, "
            + "503 + Retry-After when every render slot and waiting place is taken.")
    @PostMapping("/api/reports/{name}/render")
    ResponseEntity<byte[]> render(@PathVariable String name, @RequestParam Map<String, String> request) {
        Map<String, String> parameters = new LinkedHashMap<>(request);
        String locale = parameters.remove("locale");
        RenderedReport report = service.renderNowOrRefuse(ReportRequest.of(name, parameters, locale));
        return pdf(report.pdf(), report.fileName());
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(pdf);
    }
}
