package io.crmlake.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.reports.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive folder itself: atomic entries, filters, retention, ids that are never paths. */
class ReportArchiveTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");

    @TempDir
    Path root;

    static RenderedReport pack(String period, String locale, Instant at, String content) {
        return new RenderedReport(Report.MONTHLY_PACK, Map.of("period", period, "org_unit", "ALL"), locale,
                content.getBytes(StandardCharsets.US_ASCII),
                new DataVersion(Instant.parse("2025-06-30T22:00:00Z"), Map.of("mart_kpi", 7L)), at);
    }

    @Test
    void anEntryIsItsPdfPlusMetadataAndNoTemporaryFileIsLeft() throws Exception {
        ReportArchive archive = new ReportArchive(root.resolve("reports"), SHANGHAI);
        ArchiveEntry e = archive.store(pack("2025-06", "zh-CN", NOW, "%PDF-1.4 test"), "monthly-pack", 1);

        // SHA-256 of "%PDF-1.4 test" (sha256sum).
        assertThat(e.sha256()).isEqualTo(ReportArchive.sha256("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)));
        assertThat(e.sizeBytes()).isEqualTo(13);
        assertThat(e.fileName()).isEqualTo("monthly-pack_2025-06_ALL_zh-CN.pdf");
        assertThat(ReportArchive.isArchiveId(e.id())).isTrue();
        try (Stream<Path> files = Files.list(archive.folder())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(e.id() + ".pdf", e.id() + ".json");
        }
        assertThat(Files.readString(archive.pdf(e).orElseThrow())).isEqualTo("%PDF-1.4 test");
        ArchiveEntry reread = archive.find(e.id()).orElseThrow();
        assertThat(reread).isEqualTo(e);
        assertThat(reread.dataVersion().deltaVersions()).containsEntry("mart_kpi", 7L);
    }

    @Test
    void aHalfWrittenFileIsNeverListed() throws Exception {
        ReportArchive archive = new ReportArchive(root, SHANGHAI);
        ArchiveEntry e = archive.store(pack("2025-06", "en", NOW, "%PDF"), null, 1);
        // What a crash mid-write leaves: a temporary JSON and a PDF without its metadata.
        Files.writeString(root.resolve(".x.json.1234.tmp"), "{\"id\":");
        Files.writeString(root.resolve("20250101-000000-orphan.pdf"), "%PDF half");
        assertThat(archive.list(null, null)).extracting(ArchiveEntry::id).containsExactly(e.id());
    }

    @Test
    void listsNewestFirstAndFiltersByReportAndPeriod() {
        ReportArchive archive = new ReportArchive(root, SHANGHAI);
        ArchiveEntry may = archive.store(pack("2025-05", "en", NOW.minusSeconds(3600), "a"), null, 1);
        ArchiveEntry june = archive.store(pack("2025-06", "en", NOW, "b"), null, 1);
        ArchiveEntry failed = archive.recordFailure("warning-worklist", Map.of("org_unit", "O99"), "en", "worklist-all", 2,
                "org_unit: unknown org unit 'O99'", NOW.plusSeconds(60));

        assertThat(archive.list(null, null)).extracting(ArchiveEntry::id).containsExactly(failed.id(), june.id(), may.id());
        assertThat(archive.list("monthly-pack", "2025-05")).extracting(ArchiveEntry::id).containsExactly(may.id());
        assertThat(archive.list("warning-worklist", null)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("failed");
            assertThat(f.reason()).contains("O99");
            assertThat(f.attempt()).isEqualTo(2);
            assertThat(archive.pdf(f)).isEmpty();
        });
    }

    @Test
    void retentionDeletesEntriesOlderThanTheCutoffAndStrayFiles() throws Exception {
        ReportArchive archive = new ReportArchive(root, SHANGHAI);
        ArchiveEntry old = archive.store(pack("2024-01", "en", NOW.minus(Duration.ofDays(41)), "old"), null, 1);
        ArchiveEntry recent = archive.store(pack("2025-06", "en", NOW.minus(Duration.ofDays(39)), "new"), null, 1);
        Path strayOld = Files.writeString(root.resolve(".y.pdf.1.tmp"), "x");
        Files.setLastModifiedTime(strayOld, FileTime.from(NOW.minus(Duration.ofDays(2))));
        Path strayFresh = Files.writeString(root.resolve(".z.pdf.2.tmp"), "x");
        Files.setLastModifiedTime(strayFresh, FileTime.from(NOW.minusSeconds(60)));

        int deleted = archive.deleteOlderThan(NOW.minus(Duration.ofDays(40)), NOW);

        assertThat(deleted).isEqualTo(1);
        assertThat(archive.list(null, null)).extracting(ArchiveEntry::id).containsExactly(recent.id());
        assertThat(root.resolve(old.id() + ".pdf")).doesNotExist();
        assertThat(root.resolve(old.id() + ".json")).doesNotExist();
        assertThat(strayOld).doesNotExist();
        // A write may be in progress right now: young temporary files stay.
        assertThat(strayFresh).exists();
    }

    @Test
    void idsThatAreNotArchiveIdsFindNothing() throws Exception {
        Path archiveDir = Files.createDirectories(root.resolve("lake/reports"));
        Files.writeString(root.resolve("lake/secret.json"), "{\"id\":\"x\",\"status\":\"ok\"}");
        Files.writeString(root.resolve("lake/secret.pdf"), "%PDF secret");
        ReportArchive archive = new ReportArchive(archiveDir, SHANGHAI);
        for (String id : List.of("../secret", "..", "/etc/passwd", "a/../../secret", "a\0b", "secret\n", "C:\\x", "",
                "A", "a".repeat(121), "-a", "a--b")) {
            assertThat(ReportArchive.isArchiveId(id)).as(id).isFalse();
            assertThat(archive.find(id)).as(id).isEmpty();
        }
        assertThat(archive.find("secret")).isEmpty();
    }
}
