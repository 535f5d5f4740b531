package io.crmlake.api.reports;

import io.crmlake.reports.InvalidReportParameterException;
import io.crmlake.reports.Report;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the configured schedules with Spring's TaskScheduler and a CronTrigger in the business
 * zone. Each run renders one PDF per locale and archives it; a failure is archived with its
 * reason and retried per {@link ReportsProperties.Retry} (bad parameters are not retried: the
 * same request fails the same way). A schedule's failure never stops the others: each run is
 * its own task and every exception ends in its outcome.
 */
public class ReportSchedules {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedules.class);

    private final Map<String, ReportsProperties.Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, ScheduleOutcome> outcomes = new ConcurrentHashMap<>();
    private final ReportService service;
    private final ReportArchive archive;
    private final ReportMailer mailer;
    private final TaskScheduler scheduler;
    private final ReportsProperties.Retry retry;
    private final Clock clock;
    private final ZoneId zone;

    public ReportSchedules(List<ReportsProperties.Schedule> configured, ReportService service, ReportArchive archive,
                           ReportMailer mailer, TaskScheduler scheduler, ReportsProperties.Retry retry, Clock clock) {
        this.service = service;
        this.archive = archive;
        this.mailer = mailer;
        this.scheduler = scheduler;
        this.retry = retry;
        this.clock = clock;
        this.zone = service.zone();
        for (int i = 0; i < configured.size(); i++) {
            ReportsProperties.Schedule s = configured.get(i);
            check(i, s);
            if (schedules.putIfAbsent(s.id(), s) != null) {
                throw new IllegalStateException("crmlake.reports.schedules[" + i + "].id: '" + s.id() + "' is used twice; give each schedule its own id");
            }
        }
    }

    /** Hands every schedule with a cron to the scheduler. */
    public void start() {
        for (ReportsProperties.Schedule s : schedules.values()) {
            if (!s.onDemandOnly()) {
                scheduler.schedule(() -> run(s, s.locale(), 1), new CronTrigger(s.cron(), zone));
            }
        }
        log.info("report schedules: {} ({} on demand only), zone {}", schedules.size(),
                schedules.values().stream().filter(ReportsProperties.Schedule::onDemandOnly).count(), zone);
    }

    public List<ReportsProperties.Schedule> all() {
        return List.copyOf(schedules.values());
    }

    public Optional<ReportsProperties.Schedule> find(String id) {
        return Optional.ofNullable(schedules.get(id));
    }

    public Optional<ScheduleOutcome> lastOutcome(String id) {
        return Optional.ofNullable(outcomes.get(id));
    }

    /** The next time the cron fires in the business zone; empty for an on-demand schedule. */
    public Optional<ZonedDateTime> nextFireTime(ReportsProperties.Schedule s) {
        if (s.onDemandOnly()) {
            return Optional.empty();
        }
        return Optional.ofNullable(CronExpression.parse(s.cron()).next(ZonedDateTime.now(clock.withZone(zone))));
    }

    /** Runs a schedule now, in the caller's thread; failures are retried later per the policy. */
    public ScheduleOutcome runNow(String id) {
        ReportsProperties.Schedule s = schedules.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no schedule '" + id + "'");
        }
        return run(s, s.locale(), 1);
    }

    /** Runs a schedule soon, in a scheduler thread (run-on-start). */
    public void runSoon(String id) {
        ReportsProperties.Schedule s = schedules.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no schedule '" + id + "'");
        }
        scheduler.schedule(() -> run(s, s.locale(), 1), clock.instant());
    }

    /** One attempt for the given locales; the ones that fail for a reason worth retrying are tried again later. */
    ScheduleOutcome run(ReportsProperties.Schedule s, List<String> locales, int attempt) {
        outcomes.put(s.id(), new ScheduleOutcome(ScheduleOutcome.RUNNING, clock.instant(), attempt, List.of(), null, null, null));
        List<RenderedReport> rendered = new ArrayList<>();
        List<String> archiveIds = new ArrayList<>();
        List<String> retryLocales = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (String locale : locales) {
            try {
                RenderedReport r = service.render(ReportRequest.of(s.report(), s.parameters(), locale));
                archiveIds.add(archive.store(r, s.id(), attempt).id());
                rendered.add(r);
            } catch (InvalidReportParameterException e) {
                // The same request fails the same way next time: record it, do not retry.
                reasons.add(locale + ": " + e.getMessage());
                archiveIds.add(archive.recordFailure(s.report(), s.parameters(), locale, s.id(), attempt,
                        e.getMessage() + " (bad parameter: not retried; fix crmlake.reports.schedules '" + s.id() + "')",
                        clock.instant()).id());
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("report schedule {} ({}), attempt {} of {} failed: {}", s.id(), locale, attempt, retry.attempts(), reason);
                reasons.add(locale + ": " + reason);
                retryLocales.add(locale);
                archiveIds.add(archive.recordFailure(s.report(), s.parameters(), locale, s.id(), attempt, reason,
                        clock.instant()).id());
            }
        }
        String mail = rendered.isEmpty() ? null : mailer.send(s.id(), s.recipients(), rendered);
        ScheduleOutcome outcome;
        if (reasons.isEmpty()) {
            outcome = new ScheduleOutcome(ScheduleOutcome.OK, clock.instant(), attempt, archiveIds, null, null, mail);
        } else if (!retryLocales.isEmpty() && attempt < retry.attempts()) {
            Instant next = clock.instant().plus(retry.backoffBefore(attempt + 1));
            scheduler.schedule(() -> run(s, retryLocales, attempt + 1), next);
            outcome = new ScheduleOutcome(ScheduleOutcome.RETRYING, clock.instant(), attempt, archiveIds,
                    String.join("; ", reasons), next, mail);
        } else {
            outcome = new ScheduleOutcome(ScheduleOutcome.FAILED, clock.instant(), attempt, archiveIds,
                    String.join("; ", reasons), null, mail);
        }
        outcomes.put(s.id(), outcome);
        return outcome;
    }

    private static void check(int i, ReportsProperties.Schedule s) {
        String at = "crmlake.reports.schedules[" + i + "]";
        if (s.id() == null || !s.id().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
            throw new IllegalStateException(at + ".id: '" + s.id() + "' is not a schedule id; use letters, digits, '-' and '_'");
        }
        if (!s.onDemandOnly() && !CronExpression.isValidExpression(s.cron())) {
            throw new IllegalStateException(at + ".cron: '" + s.cron() + "' is not a cron expression; use six fields "
                    + "(second minute hour day month weekday), e.g. \"0 0 6 1 * *\", or \"-\" for on demand only");
        }
        try {
            Report.byId(s.report());
            Set<String> seen = new HashSet<>();
            for (String locale : s.locale()) {
                if (!seen.add(ReportRequest.of(s.report(), Map.of(), locale).localeTag())) {
                    throw new IllegalStateException(at + ".locale: '" + locale + "' is listed twice");
                }
            }
        } catch (InvalidReportParameterException e) {
            throw new IllegalStateException(at + "." + e.parameter() + ": " + e.getMessage(), e);
        }
    }
}
