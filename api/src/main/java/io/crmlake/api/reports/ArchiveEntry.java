package io.crmlake.api.reports;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the report archive: a rendered PDF ({@code status = ok}) or a failed scheduled
 * attempt ({@code status = failed}, with {@code reason} and no file).
 *
 * @param id         opaque id, used in download URLs; never a path
 * @param period     the month the report is about (yyyy-MM)
 * @param parameters the resolved parameters it was rendered with
 * @param schedule   the schedule id, or null for a report rendered on request
 * @param attempt    which attempt of the scheduled run (1 = first)
 * @param sha256     hex SHA-256 of the PDF
 */
public record ArchiveEntry(String id, String status, String report, String period, Map<String, String> parameters,
                           String locale, String schedule, int attempt, String reason, DataVersion dataVersion,
                           Instant generatedAt, Long sizeBytes, String sha256, String fileName) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }
}
