package io.crmlake.etl.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.BuiltLake;
import io.crmlake.warehouse.serving.PublishSummary;
import io.crmlake.warehouse.serving.PublishedTable;
import io.crmlake.warehouse.serving.ServingCatalog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes: a separate JVM keeps querying the serving catalog (a held connection and fresh
 * ones) while this JVM publishes twice over it. The reader never fails, its held connection
 * keeps answering from the catalog it opened, and new connections see the new publish.
 */
class PublishWhileReadingTest {

    @TempDir
    Path dir;

    @Test
    void aReaderInAnotherProcessNeverFailsAndNewConnectionsSeeTheNewPublish() throws Exception {
        LakeTables tables = BuiltLake.tables();
        Path serving = dir.resolve("serving");
        PublishJob job = new PublishJob(tables, serving, line -> { });
        List<PublishedTable> resolved;
        try (ParquetExtract unused = new ParquetExtract(tables.spark(), tables.paths().root(), true, serving)) {
            resolved = job.resolve(unused);
        }
        PublishSummary first = job.write(resolved);

        Path stop = dir.resolve("stop");
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", testClassPath(), CatalogReaderProcess.class.getName(), serving.toString(), stop.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        pump.start();
        try {
            awaitLine(lines, "started ", 120);
            PublishSummary second = job.write(resolved);
            awaitLine(lines, "fresh " + second.publishedAt(), 120);
            PublishSummary third = job.write(resolved);
            awaitLine(lines, "fresh " + third.publishedAt(), 120);
            // the plain read-only JDBC URL a BI tool uses opens the new file too
            awaitLine(lines, "jdbc ", l -> l.endsWith("/" + third.publishedAt()), 120);
            try (ServingCatalog now = ServingCatalog.open(serving)) {
                assertThat(now.publishedAt()).isEqualTo(third.publishedAt()).isAfter(first.publishedAt());
            }
            Files.writeString(stop, "");
            assertThat(reader.waitFor(120, TimeUnit.SECONDS)).as("reader stops").isTrue();
            pump.join(10_000);
        } finally {
            reader.destroyForcibly();
        }
        assertThat(lines).as("reader output").noneMatch(line -> line.startsWith("FAIL"));
        assertThat(lines.get(0)).startsWith("started " + first.publishedAt());
        assertThat(lines).filteredOn(line -> line.startsWith("jdbc ")).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("done queries=\\d+ failures=0");
        assertThat(Long.parseLong(last.replaceAll("\\D+(\\d+).*", "$1"))).as("queries while publishing").isGreaterThan(10);
    }

    private static void awaitLine(List<String> lines, String prefix, int seconds) throws InterruptedException {
        awaitLine(lines, prefix, l -> true, seconds);
    }

    private static void awaitLine(List<String> lines, String prefix, java.util.function.Predicate<String> matching, int seconds)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (lines.stream().noneMatch(l -> l.startsWith(prefix) && matching.test(l))) {
            assertThat(lines).as("reader output so far").noneMatch(l -> l.startsWith("FAIL") || l.startsWith("Exception"));
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no line '" + prefix + "…' from the reader in " + seconds + " s; got " + lines);
            }
            Thread.sleep(50);
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
