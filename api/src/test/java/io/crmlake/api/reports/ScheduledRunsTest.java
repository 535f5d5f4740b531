package io.crmlake.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.crmlake.api.support.DemoData;
import io.crmlake.api.support.ServiceTest;
import io.crmlake.reports.ReportRenderer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled runs with the real pieces outside Spring: a published fixture catalog (or none),
 * the renderer, the archive on disk, Spring's ThreadPoolTaskScheduler for the retries and a real
 * SMTP server on loopback (GreenMail) for the e-mail.
 */
class ScheduledRunsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ReportsProperties.Retry FAST_RETRY = new ReportsProperties.Retry(3, Duration.ofMillis(200));

    static ReportRenderer renderer;
    static ThreadPoolTaskScheduler scheduler;
    static Path published;

    @TempDir
    Path work;

    @BeforeAll
    static void start(@TempDir Path shared) {
        renderer = new ReportRenderer(2, shared.resolve("swap"), SHANGHAI, Clock.system(SHANGHAI));
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.initialize();
        published = shared.resolve("serving");
        DemoData.catalog().publish(published, ServiceTest.served(), ServiceTest.PUBLISHED_AT);
    }

    @AfterAll
    static void stop() {
        scheduler.shutdown();
    }

    ReportSchedules schedules(Path serving, ReportArchive archive, ReportMailer mailer, ReportsProperties.Schedule... s) {
        ReportService service = new ReportService(renderer, serving, new RenderGate(2, 0, Duration.ofSeconds(1)),
                Clock.system(SHANGHAI), SHANGHAI);
        return new ReportSchedules(List.of(s), service, archive, mailer, scheduler, FAST_RETRY, Clock.system(SHANGHAI));
    }

    static ReportsProperties.Schedule schedule(String id, String report, Map<String, String> parameters, List<String> recipients) {
        return new ReportsProperties.Schedule(id, "-", report, parameters, List.of("zh-CN", "en"), recipients);
    }

    @Test
    void badParametersAreRecordedWithTheirReasonWithoutRetryAndOtherSchedulesStillRun() {
        ReportArchive archive = new ReportArchive(work.resolve("reports"), SHANGHAI);
        ReportSchedules s = schedules(published, archive, new ReportMailer(null, "x@localhost"),
                schedule("bad-unit", "warning-worklist", Map.of("org_unit", "O99", "as_of", "latest"), List.of()),
                schedule("good-pack", "monthly-pack", Map.of("period", "latest-month", "org_unit", "ALL"), List.of("boss@example.com")));

        ScheduleOutcome bad = s.runNow("bad-unit");
        ScheduleOutcome good = s.runNow("good-pack");

        assertThat(bad.status()).isEqualTo("failed");
        assertThat(bad.attempt()).isEqualTo(1);
        assertThat(bad.reason()).contains("org_unit: unknown org unit 'O99'");
        assertThat(good.status()).isEqualTo("ok");
        assertThat(good.mail()).isEqualTo("off (spring.mail.host is not set)");
        List<ArchiveEntry> failures = archive.list("warning-worklist", null);
        assertThat(failures).hasSize(2).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo("failed");
            assertThat(f.schedule()).isEqualTo("bad-unit");
            assertThat(f.reason()).contains("unknown org unit 'O99'", "not retried");
        });
        assertThat(archive.list("monthly-pack", "2024-03")).hasSize(2).allSatisfy(e -> assertThat(e.ok()).isTrue());
        // Not retried: still exactly the two failures of attempt 1 after the backoff has passed.
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
                .until(() -> archive.list("warning-worklist", null).size() == 2);
    }

    @Test
    void aMissingCatalogIsRetriedPerThePolicyThenRecordedAsFailed() {
        ReportArchive archive = new ReportArchive(work.resolve("reports"), SHANGHAI);
        ReportSchedules s = schedules(work.resolve("no-serving"), archive, new ReportMailer(null, "x@localhost"),
                schedule("pack", "monthly-pack", Map.of("period", "2024-03", "org_unit", "ALL"), List.of()));

        ScheduleOutcome first = s.runNow("pack");
        assertThat(first.status()).isEqualTo("retrying");
        assertThat(first.reason()).contains("no catalog at");
        assertThat(first.nextRetryAt()).isNotNull();

        // attempts: 3 → the first run plus two retries (200 ms, then 400 ms later), two locales each.
        await().atMost(Duration.ofSeconds(20)).until(() -> s.lastOutcome("pack").orElseThrow().status().equals("failed"));
        ScheduleOutcome last = s.lastOutcome("pack").orElseThrow();
        assertThat(last.attempt()).isEqualTo(3);
        List<ArchiveEntry> failures = archive.list("monthly-pack", "2024-03");
        assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f.reason()).contains("no catalog at"));
        assertThat(failures).extracting(ArchiveEntry::attempt).containsExactlyInAnyOrder(1, 1, 2, 2, 3, 3);
    }

    @Test
    void aScheduleWithRecipientsMailsItsPdfsOverSmtp() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(smtp.getSmtp().getPort());
            ReportArchive archive = new ReportArchive(work.resolve("reports"), SHANGHAI);
            ReportSchedules s = schedules(published, archive, new ReportMailer(sender, "crmlake@localhost"),
                    schedule("mailed-pack", "monthly-pack", Map.of("period", "2024-03", "org_unit", "ALL"),
                            List.of("director@example.com", "cfo@example.com")));

            ScheduleOutcome outcome = s.runNow("mailed-pack");

            assertThat(outcome.status()).isEqualTo("ok");
            assertThat(outcome.mail()).isEqualTo("sent to 2");
            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
            MimeMessage message = smtp.getReceivedMessages()[0];
            assertThat(message.getSubject()).isEqualTo("crmlake monthly-pack 2024-03 (mailed-pack)");
            Multipart parts = (Multipart) message.getContent();
            List<String> attachments = new java.util.ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                Part part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    String name = part.getFileName();
                    attachments.add(name);
                    try (InputStream in = part.getInputStream()) {
                        byte[] pdf = in.readAllBytes();
                        ArchiveEntry archived = archive.list("monthly-pack", "2024-03").stream()
                                .filter(e -> e.fileName().equals(name)).findFirst().orElseThrow();
                        assertThat(ReportArchive.sha256(pdf)).isEqualTo(archived.sha256());
                        assertThat(PdfText.of(pdf)).contains("2024");
                    }
                }
            }
            assertThat(attachments).containsExactly("monthly-pack_2024-03_ALL_zh-CN.pdf", "monthly-pack_2024-03_ALL_en.pdf");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void configurationMistakesStopTheStartWithOneSentence() {
        ReportArchive archive = new ReportArchive(work.resolve("reports"), SHANGHAI);
        var bad = new ReportsProperties.Schedule("x", "0 0 25 * * *", "monthly-pack", Map.of(), List.of("en"), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schedules(published, archive, new ReportMailer(null, "x"), bad))
                .hasMessageStartingWith("crmlake.reports.schedules[0].cron: '0 0 25 * * *' is not a cron expression");
        var badLocale = new ReportsProperties.Schedule("y", "-", "monthly-pack", Map.of(), List.of("fr"), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> schedules(published, archive, new ReportMailer(null, "x"), badLocale))
                .hasMessageStartingWith("crmlake.reports.schedules[0].locale: locale: 'fr' is not supported");
        assertThat(Files.exists(archive.folder())).isTrue();
    }
}
