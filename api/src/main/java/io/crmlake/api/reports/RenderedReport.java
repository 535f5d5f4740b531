package io.crmlake.api.reports;

import io.crmlake.reports.Report;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A rendered PDF with what it was rendered from. {@code parameters} are the resolved (absolute) ones. */
public record RenderedReport(Report report, Map<String, String> parameters, String locale, byte[] pdf,
                             DataVersion dataVersion, Instant generatedAt) {

    /**
     * The month the report is about: the pack's period, the worklist's day's month, otherwise the
     * month it was generated in (business zone). The archive filters on it.
     */
    public String period(ZoneId zone) {
        if (parameters.containsKey("period")) {
            return parameters.get("period");
        }
        if (parameters.containsKey("as_of")) {
            return parameters.get("as_of").substring(0, 7);
        }
        return YearMonth.from(generatedAt.atZone(zone)).toString();
    }

    /** e.g. {@code monthly-pack_2025-06_ALL_zh-CN.pdf}; only letters, digits, '-', '_' and '.'. */
    public String fileName() {
        String about = Stream.of(parameters.get("period"), parameters.get("as_of"), parameters.get("customer_id"),
                        parameters.get("org_unit"))
                .filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining("_"));
        String name = report.id() + (about.isEmpty() ? "" : "_" + about) + "_" + locale;
        return name.replaceAll("[^A-Za-z0-9._-]", "-") + ".pdf";
    }
}
