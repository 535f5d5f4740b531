package io.crmlake.api.reports;

import java.time.Instant;
import java.util.List;

/**
 * How the last run of a schedule went.
 *
 * @param status      running, ok, retrying (an attempt failed, another is scheduled) or failed
 * @param attempt     the attempt this outcome is of (1 = first)
 * @param archiveIds  archive entries written by this attempt (PDFs and failures)
 * @param reason      why it failed, when it did
 * @param nextRetryAt when the next attempt runs, while retrying
 * @param mail        what happened to the e-mail: sent to N, off (no spring.mail.host), failed: …, or null without recipients
 */
public record ScheduleOutcome(String status, Instant at, int attempt, List<String> archiveIds, String reason,
                              Instant nextRetryAt, String mail) {

    public static final String RUNNING = "running";
    public static final String OK = "ok";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";
}
