package io.crmlake.api.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report archive: a folder with {@code <id>.pdf} and its metadata {@code <id>.json} per run.
 * The JSON files are the index: an entry is listed once its JSON exists, and the JSON is renamed
 * into place only after the PDF is complete on disk, each from a temporary file in the same
 * folder (one atomic rename), so a crash never leaves a half file listed. Ids are checked
 * against a strict pattern before any file is touched: no id can name a file outside the folder.
 */
public class ReportArchive {

    private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 120;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Temporary files of a write that crashed are removed by the retention job after this. */
    private static final Duration STRAY_AGE = Duration.ofDays(1);

    private final Path dir;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public ReportArchive(Path dir, ZoneId zone) {
        this.dir = dir.toAbsolutePath().normalize();
        this.zone = zone;
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report archive folder " + this.dir
                    + "; set crmlake.reports.archive to a writable folder", e);
        }
    }

    public Path folder() {
        return dir;
    }

    /** Archives a rendered PDF with its metadata and returns the listed entry. */
    public ArchiveEntry store(RenderedReport rendered, String schedule, int attempt) {
        String id = newId(rendered.generatedAt(), rendered.report().id(), rendered.locale());
        byte[] pdf = rendered.pdf();
        ArchiveEntry entry = new ArchiveEntry(id, ArchiveEntry.OK, rendered.report().id(), rendered.period(zone),
                rendered.parameters(), rendered.locale(), schedule, attempt, null, rendered.dataVersion(),
                rendered.generatedAt(), (long) pdf.length, sha256(pdf), rendered.fileName());
        writeAtomically(dir.resolve(id + ".pdf"), pdf);
        writeAtomically(dir.resolve(id + ".json"), json.writeValueAsBytes(entry));
        return entry;
    }

    /** Records a failed attempt, with its reason, in the index (there is no file to download). */
    public ArchiveEntry recordFailure(String report, Map<String, String> parameters, String locale, String schedule,
                                      int attempt, String reason, Instant at) {
        String id = newId(at, report, locale);
        String period = parameters.getOrDefault("period", null);
        ArchiveEntry entry = new ArchiveEntry(id, ArchiveEntry.FAILED, report, period, parameters, locale, schedule,
                attempt, reason, null, at, null, null, null);
        writeAtomically(dir.resolve(id + ".json"), json.writeValueAsBytes(entry));
        return entry;
    }

    /** Newest first; {@code report} and {@code period} filter when not null. */
    public List<ArchiveEntry> list(String report, String period) {
        List<ArchiveEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                if (f.getFileName().toString().startsWith(".")) {
                    continue;
                }
                read(f).filter(e -> report == null || report.equals(e.report()))
                        .filter(e -> period == null || period.equals(e.period()))
                        .ifPresent(entries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the report archive " + dir, e);
        }
        entries.sort(Comparator.comparing(ArchiveEntry::generatedAt).reversed().thenComparing(ArchiveEntry::id));
        return entries;
    }

    /** The entry with this id; empty for an unknown id or anything that is not an archive id. */
    public Optional<ArchiveEntry> find(String id) {
        if (!isArchiveId(id)) {
            return Optional.empty();
        }
        Path file = dir.resolve(id + ".json");
        if (!dir.equals(file.getParent()) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return read(file);
    }

    /** The PDF of an entry that rendered; empty for a failed run. */
    public Optional<Path> pdf(ArchiveEntry entry) {
        if (!entry.ok() || !isArchiveId(entry.id())) {
            return Optional.empty();
        }
        Path file = dir.resolve(entry.id() + ".pdf");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    public static boolean isArchiveId(String id) {
        return id != null && id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
    }

    /**
     * Deletes entries generated before {@code cutoff} (PDF first, then its index line), and the
     * temporary files and unlisted PDFs that a crash left behind more than a day ago.
     *
     * @return the number of entries deleted
     */
    public int deleteOlderThan(Instant cutoff, Instant now) {
        int deleted = 0;
        for (ArchiveEntry e : list(null, null)) {
            if (e.generatedAt().isBefore(cutoff)) {
                try {
                    Files.deleteIfExists(dir.resolve(e.id() + ".pdf"));
                    Files.deleteIfExists(dir.resolve(e.id() + ".json"));
                    deleted++;
                } catch (IOException ex) {
                    log.warn("report archive: could not delete {}: {}", e.id(), ex.getMessage());
                }
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean stray = name.endsWith(".tmp")
                        || name.endsWith(".pdf") && !Files.exists(dir.resolve(name.substring(0, name.length() - 4) + ".json"));
                if (stray && Files.getLastModifiedTime(f).toInstant().isBefore(now.minus(STRAY_AGE))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ex) {
            log.warn("report archive: could not clean up {}: {}", dir, ex.getMessage());
        }
        return deleted;
    }

    private Optional<ArchiveEntry> read(Path file) {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), ArchiveEntry.class));
        } catch (IOException | JacksonException e) {
            log.warn("report archive: {} is not an archive entry and is left out of the list ({})", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static String newId(Instant at, String report, String locale) {
        String random = UUID.randomUUID().toString().substring(0, 8);
        String id = (ID_TIME.format(at) + "-" + report + "-" + locale + "-" + random).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        return id.length() > MAX_ID_LENGTH ? id.substring(id.length() - MAX_ID_LENGTH).replaceAll("^-+", "") : id;
    }

    /** Temporary file in the same folder, forced to disk, then one atomic rename over the target. */
    private static void writeAtomically(Path target, byte[] content) {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the retention job removes it later
            }
            throw new UncheckedIOException("cannot write " + target + " in the report archive: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
