package io.crmlake.api.reports;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crmlake.reports}: rendering limits, the archive folder, retention, the retry policy of
 * scheduled runs and the schedules themselves. Defaults are the ones documented in
 * docs/report-archive.md.
 *
 * @param maxConcurrent  fills running at once (the renderer's semaphore)
 * @param queueCapacity  requests allowed to wait for a fill; beyond that a render gets 503 + Retry-After
 * @param retryAfter     what the 503 tells the client to wait
 * @param archive        archive folder; empty = {@code reports} beside the serving folder
 * @param swap           folder of the virtualizer's swap files; empty = the temp folder
 * @param mailFrom       sender address of report e-mails (sent only when spring.mail.host is set)
 * @param runOnStart     schedule ids to run once when the service is ready (the demo fills the archive so)
 */
@ConfigurationProperties("crmlake.reports")
public record ReportsProperties(int maxConcurrent, int queueCapacity, Duration retryAfter, String archive, String swap,
                                String mailFrom, Retention retention, Retry retry, List<Schedule> schedules,
                                List<String> runOnStart) {

    public ReportsProperties {
        maxConcurrent = maxConcurrent <= 0 ? 2 : maxConcurrent;
        queueCapacity = Math.max(queueCapacity, 0);
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "crmlake@localhost" : mailFrom;
        retention = retention == null ? new Retention(0, null) : retention;
        retry = retry == null ? new Retry(0, null) : retry;
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        runOnStart = runOnStart == null ? List.of() : runOnStart.stream().filter(s -> !s.isBlank()).map(String::trim).toList();
    }

    /** Archived files older than {@code days} are deleted by a job on {@code cron} (business zone). */
    public record Retention(int days, String cron) {
        public Retention {
            days = days <= 0 ? 400 : days;
            cron = cron == null || cron.isBlank() ? "0 30 3 * * *" : cron;
        }
    }

    /**
     * A failed scheduled run is tried {@code attempts} times in all, waiting {@code backoff}
     * before the first retry and twice as long before each next one. Bad parameters are not retried.
     */
    public record Retry(int attempts, Duration backoff) {
        public Retry {
            attempts = attempts <= 0 ? 3 : attempts;
            backoff = backoff == null ? Duration.ofMinutes(10) : backoff;
        }

        public Duration backoffBefore(int attempt) {
            return backoff.multipliedBy(1L << Math.min(attempt - 2, 16));
        }
    }

    /**
     * One scheduled report. {@code cron} is Spring's six-field cron in the business zone, or
     * {@code "-"} for a schedule that runs only on demand. Parameters may be relative:
     * {@code period: previous-month | latest-month}, {@code as_of: today | latest}.
     * One PDF per locale in {@code locale}.
     */
    public record Schedule(String id, String cron, String report, Map<String, String> parameters, List<String> locale,
                           List<String> recipients) {
        public Schedule {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            locale = locale == null || locale.isEmpty() ? List.of("zh-CN") : List.copyOf(locale);
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }

        public boolean onDemandOnly() {
            return cron == null || cron.isBlank() || cron.trim().equals("-");
        }
    }
}
