package io.crmlake.api.reports;

import io.crmlake.api.catalog.ServingProperties;
import io.crmlake.reports.ReportRenderer;
import io.crmlake.warehouse.lake.LakeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The report pieces: renderer (templates, fair semaphore, virtualizer), the admission gate,
 * the archive, the schedules, e-mail. Dates and crons use the business zone of
 * conf/crmlake.yml ({@code timezone}), the one the pipeline cuts months in.
 */
@Configuration
class ReportsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReportsConfiguration.class);

    @Bean
    ZoneId businessZone(ServingProperties serving) {
        String config = serving.config();
        return LakeConfig.load(config == null || config.isBlank() ? null : Path.of(config)).timezone();
    }

    @Bean
    ReportRenderer reportRenderer(ReportsProperties properties, ZoneId businessZone) {
        Path swap = properties.swap() == null || properties.swap().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "crmlake-report-swap")
                : Path.of(properties.swap());
        return new ReportRenderer(properties.maxConcurrent(), swap, businessZone, Clock.system(businessZone));
    }

    @Bean
    ReportService reportService(ReportRenderer renderer, ServingProperties serving, ReportsProperties properties, ZoneId businessZone) {
        RenderGate gate = new RenderGate(properties.maxConcurrent(), properties.queueCapacity(), properties.retryAfter());
        return new ReportService(renderer, serving.servingDir(), gate, Clock.system(businessZone), businessZone);
    }

    /** Default: {@code reports} beside the serving folder, i.e. {@code <lake>/reports} for a local lake. */
    @Bean
    ReportArchive reportArchive(ReportsProperties properties, ServingProperties serving, ZoneId businessZone) {
        Path folder = properties.archive() == null || properties.archive().isBlank()
                ? serving.servingDir().resolveSibling("reports")
                : Path.of(properties.archive());
        return new ReportArchive(folder, businessZone);
    }

    @Bean
    ReportMailer reportMailer(ObjectProvider<JavaMailSender> sender, ReportsProperties properties) {
        return new ReportMailer(sender.getIfAvailable(), properties.mailFrom());
    }

    @Bean
    ReportSchedules reportSchedules(ReportsProperties properties, ReportService service, ReportArchive archive,
                                    ReportMailer mailer, TaskScheduler scheduler, ZoneId businessZone) {
        ReportSchedules schedules = new ReportSchedules(properties.schedules(), service, archive, mailer, scheduler,
                properties.retry(), Clock.system(businessZone));
        for (String id : properties.runOnStart()) {
            if (schedules.find(id).isEmpty()) {
                throw new IllegalStateException("crmlake.reports.run-on-start: no schedule '" + id + "'; known: "
                        + schedules.all().stream().map(ReportsProperties.Schedule::id).toList());
            }
        }
        return schedules;
    }

    /**
     * Once the service is up: compile the templates in the background (the first request then
     * does not pay for it), start the schedules and the retention job, run the run-on-start schedules.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        ReportsProperties properties = context.getBean(ReportsProperties.class);
        ReportSchedules schedules = context.getBean(ReportSchedules.class);
        ReportArchive archive = context.getBean(ReportArchive.class);
        TaskScheduler scheduler = context.getBean(TaskScheduler.class);
        ZoneId zone = context.getBean("businessZone", ZoneId.class);
        ReportRenderer renderer = context.getBean(ReportRenderer.class);
        scheduler.schedule(renderer::warmUp, Clock.systemUTC().instant());
        schedules.start();
        ReportsProperties.Retention retention = properties.retention();
        scheduler.schedule(() -> {
            Clock clock = Clock.system(zone);
            int deleted = archive.deleteOlderThan(clock.instant().minus(Duration.ofDays(retention.days())), clock.instant());
            log.info("report archive retention: deleted {} entries older than {} days from {}", deleted, retention.days(), archive.folder());
        }, new CronTrigger(retention.cron(), zone));
        log.info("report archive at {} (retention {} days)", archive.folder(), retention.days());
        properties.runOnStart().forEach(schedules::runSoon);
    }
}
