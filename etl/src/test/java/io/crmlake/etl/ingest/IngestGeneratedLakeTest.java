package io.crmlake.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.etl.generate.Generator;
import io.crmlake.etl.generate.GeneratorSpec;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.support.TableSnapshot;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** A dirty generated business (every defect kind), ingested; the tests run in order on one lake. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestGeneratedLakeTest {

    @TempDir
    static Path dir;

    static Path landing;
    static LakeTables tables;
    static LandingZone zone;
    static List<BatchResult> firstRun;

    @BeforeAll
    static void generateAndIngest() {
        landing = dir.resolve("lake/landing");
        Generator.generate(GeneratorSpec.of(400, 4, 7).withDirtyRate(0.03), landing);
        tables = SharedSpark.lake(dir.resolve("lake"));
        zone = new LandingZone(landing.toString(), tables.spark().sparkContext().hadoopConfiguration());
        // Month by month, as deliveries arrive: a customer delivered a batch late holds its rows.
        firstRun = new java.util.ArrayList<>();
        for (String month : List.of("2024-01", "2024-02", "2024-03", "2024-04")) {
            firstRun.addAll(new IngestJob(tables, zone, line -> { }).run(Optional.of(month), false));
        }
    }

    @Test
    @Order(1)
    void everyInjectedDefectIsQuarantinedWithItsReason() throws IOException {
        List<String> manifest = Files.readAllLines(landing.resolve("_generator/defects.csv"));
        Set<String> injected = manifest.stream().skip(1)
                .map(l -> l.split(","))
                .map(f -> f[2] + "#" + f[3] + "#" + f[4])
                .collect(Collectors.toSet());
        assertThat(injected).hasSizeGreaterThan(30);
        assertThat(injected.stream().map(s -> s.substring(s.lastIndexOf('#') + 1)).collect(Collectors.toSet()))
                .contains("missing_required", "unparseable_timestamp", "unparseable_date", "unparseable_decimal",
                        "unknown_code", "duplicate_key", "orphan_customer", "wrong_column_count", "invalid_utf8");
        // Rows of customers that arrive a batch late are held, then released: not defects.
        Set<String> caught = tables.read("ops_quarantine").where("released_batch_id IS NULL").collectAsList().stream()
                .map(r -> r.<String>getAs("source_file") + "#" + r.<Long>getAs("row_number") + "#" + r.<String>getAs("reason"))
                .collect(Collectors.toSet());
        assertThat(caught).as("quarantine = exactly the injected defects, with the same reason")
                .containsExactlyInAnyOrderElementsOf(injected);
    }

    @Test
    @Order(2)
    void reconciliationHoldsForEveryBatchAndMatchesTheFiles() throws IOException {
        assertThat(firstRun).allSatisfy(r -> assertThat(r.reconciles()).isTrue());
        long dataLines;
        try (Stream<Path> files = Files.walk(landing)) {
            dataLines = files.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("_generator"))
                    .mapToLong(IngestGeneratedLakeTest::dataLines).sum();
        }
        long read = firstRun.stream().mapToLong(BatchResult::rowsRead).sum();
        long bronze = Catalog.get().landingEntities().stream()
                .mapToLong(e -> tables.read(e.bronzeTable()).count()).sum();
        long quarantined = tables.read("ops_quarantine").where("released_batch_id IS NULL").count();
        assertThat(tables.read("ops_quarantine").where("released_batch_id IS NOT NULL").count())
                .as("late customers' transactions were held and released").isPositive();
        assertThat(read).isEqualTo(dataLines);
        assertThat(bronze + quarantined).isEqualTo(dataLines);
    }

    @Test
    @Order(3)
    void ingestingTheSameBatchesAgainChangesNothing() {
        List<List<String>> before = snapshot();
        List<BatchResult> again = new IngestJob(tables, zone, line -> { }).run(Optional.empty(), false);
        assertThat(again).allSatisfy(r -> assertThat(r.skipped()).isTrue());
        assertThat(snapshot()).isEqualTo(before);
        List<BatchResult> forced = new IngestJob(tables, zone, line -> { }).run(Optional.of("2024-02"), true);
        assertThat(forced).noneMatch(BatchResult::skipped);
        assertThat(snapshot()).as("a forced reload replaces the batch's rows, never duplicates them").isEqualTo(before);
    }

    @Test
    @Order(4)
    void aBatchTouchedButNotChangedIsStillLoaded() throws IOException {
        // A copy tool that rewrites modification times must not make a loaded batch look new:
        // the cheap fingerprint differs, so the content hash decides, and it is unchanged.
        Path file = landing.resolve("transactions/2024-03/transactions-2024-03.csv");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        List<BatchResult> again = new IngestJob(tables, zone, line -> { }).run(Optional.of("2024-03"), false);
        assertThat(again).isNotEmpty().allSatisfy(r -> assertThat(r.skipped()).isTrue());
    }

    @Test
    @Order(5)
    void aLoadedBatchWhoseFilesChangedIsRefused() throws IOException {
        Path file = landing.resolve("transactions/2024-03/transactions-2024-03.csv");
        Files.writeString(file, "T9999999999,C00000001,2024-03-05T14:22:10+08:00,1.00,purchase,,,,,,\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> new IngestJob(tables, zone, line -> { }).run(Optional.of("2024-03"), false))
                .isInstanceOf(ContractBreach.class)
                .hasMessageContaining("transactions/2024-03 changed after it was loaded")
                .hasMessageContaining("--force");
    }

    @Test
    void aBrokenReconciliationStopsTheRun() {
        LandingBatch batch = new LandingBatch("transactions", "2024-01", "", List.of(), true);
        assertThatThrownBy(() -> Reconciliation.require(batch,
                new BatchResult("transactions", "2024-01", 10, 8, 1, 0, 5, false, null)))
                .isInstanceOf(ContractBreach.class)
                .hasMessageContaining("10 rows in but 8 loaded + 1 quarantined");
    }

    private static List<List<String>> snapshot() {
        List<List<String>> all = new java.util.ArrayList<>();
        for (LandingEntity e : Catalog.get().landingEntities()) {
            all.add(TableSnapshot.rows(tables, e.bronzeTable(), "_loaded_at"));
        }
        all.add(TableSnapshot.rows(tables, "ops_quarantine", "quarantined_at"));
        return all;
    }

    private static long dataLines(Path csv) {
        try {
            byte[] bytes = Files.readAllBytes(csv);
            long lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            return lines - 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
