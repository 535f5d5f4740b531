package io.crmlake.etl.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.crmlake.etl.ingest.BatchLog;
import io.crmlake.etl.ingest.Quarantine;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.MissingCatalogException;
import io.crmlake.warehouse.serving.PublishSummary;
import io.crmlake.warehouse.serving.PublishedTable;
import io.crmlake.warehouse.serving.ServingCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"One line per table with its Delta version and row count, the batches with their",
                "reconciliation (in = loaded + quarantined) and build state, the quarantine reasons, and the serving",
                "catalog (publish time, age, tables, and the tables changed since)."})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Override
    public Integer call() {
        print(lake.tables());
        return 0;
    }

    static void printServingCatalog(Path servingDir, Map<String, Long> lakeVersions) {
        servingCatalogLines(servingDir, lakeVersions, Instant.now()).forEach(Console::line);
    }

    /** The published catalog: when, how old, how many tables, and which tables changed since. */
    static List<String> servingCatalogLines(Path servingDir, Map<String, Long> lakeVersions, Instant now) {
        try (ServingCatalog catalog = ServingCatalog.open(servingDir)) {
            List<PublishSummary.Entry> published = catalog.tables();
            long views = published.stream().filter(e -> e.storage() == PublishedTable.Storage.VIEW).count();
            String head = String.format("serving catalog: %s, published %s (%s ago), %d tables (%d views), %,d rows",
                    catalog.file(), catalog.publishedAt().truncatedTo(ChronoUnit.SECONDS),
                    age(Duration.between(catalog.publishedAt(), now)), published.size(), views,
                    published.stream().mapToLong(PublishSummary.Entry::rows).sum());
            List<String> behind = published.stream()
                    .filter(e -> lakeVersions.containsKey(e.table()) && lakeVersions.get(e.table()) != e.deltaVersion())
                    .map(e -> e.table() + " (" + (e.deltaVersion() < 0 ? "absent" : "v" + e.deltaVersion())
                            + " published, v" + lakeVersions.get(e.table()) + " now)")
                    .toList();
            return List.of(head, behind.isEmpty() ? "  up to date with the lake"
                    : "  behind the lake, run `crmlake publish`: " + String.join(", ", behind));
        } catch (MissingCatalogException e) {
            return List.of("serving catalog: " + e.getMessage());
        }
    }

    static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " days";
    }

    private static final int TABLES_AT_A_TIME = 4;

    /** One table's status line: its version and row count, or that it is not created yet. */
    record TableLine(Table table, OptionalLong version, String text) {
        static TableLine of(LakeTables tables, Table t) {
            if (!tables.exists(t.name())) {
                return new TableLine(t, OptionalLong.empty(),
                        String.format("  %-26s %-7s not created yet", t.name(), t.layer().folder()));
            }
            long rows = tables.read(t.name()).count();
            long version = tables.version(t.name());
            return new TableLine(t, OptionalLong.of(version),
                    String.format("  %-26s %-7s v%-4d %,12d rows", t.name(), t.layer().folder(), version, rows));
        }
    }

    /** One line per catalog table, in catalog order. */
    static List<TableLine> tableLines(LakeTables tables) {
        // Each table costs a replay of its Delta log, mostly waiting on storage and the driver; a
        // few at a time overlap those waits. The lines still come in catalog order.
        ExecutorService pool = Executors.newFixedThreadPool(TABLES_AT_A_TIME);
        try {
            List<Future<TableLine>> pending = new ArrayList<>();
            for (Table t : Catalog.get().tables()) {
                pending.add(pool.submit(() -> TableLine.of(tables, t)));
            }
            List<TableLine> lines = new ArrayList<>();
            for (Future<TableLine> f : pending) {
                lines.add(f.get());
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("status interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static void print(LakeTables tables) {
        Console.heading("status " + tables.paths().root());
        Console.line("tables:");
        Map<String, Long> versions = new HashMap<>();
        for (TableLine line : tableLines(tables)) {
            line.version().ifPresent(v -> versions.put(line.table().name(), v));
            Console.line(line.text());
        }
        printServingCatalog(tables.paths().serving(), versions);
        if (tables.exists(BatchLog.TABLE)) {
            Console.line("batches (rows in = loaded + quarantined):");
            for (Row r : tables.read(BatchLog.TABLE).orderBy("batch_id", "entity").collectAsList()) {
                long in = r.getAs("rows_read");
                long loaded = r.getAs("rows_loaded");
                long quarantined = r.getAs("rows_quarantined");
                Console.line(String.format("  %-9s %-18s %,9d = %,9d + %,6d  %s  %s", r.<String>getAs("batch_id"),
                        r.<String>getAs("entity"), in, loaded, quarantined, in == loaded + quarantined ? "ok" : "BROKEN",
                        r.getAs("built_at") == null ? "pending build" : "built"));
            }
            Row total = tables.read(BatchLog.TABLE)
                    .agg(sum("rows_read"), sum("rows_loaded"), sum("rows_quarantined"), count("*")).first();
            if (!total.isNullAt(0)) {
                Console.line(String.format("  total: %d entity batches, rows in %,d = loaded %,d + quarantined %,d",
                        total.getLong(3), total.getLong(0), total.getLong(1), total.getLong(2)));
            }
        }
        if (tables.exists(Quarantine.TABLE)) {
            Console.line("quarantine reasons:");
            for (Row r : tables.read(Quarantine.TABLE)
                    .groupBy("entity", "reason")
                    .agg(count("*").as("rows"), count(col("released_batch_id")).as("released"))
                    .orderBy(col("rows").desc()).collectAsList()) {
                long released = r.getLong(3);
                Console.line(String.format("  %-18s %-22s %,8d rows%s", r.getString(0), r.getString(1), r.getLong(2),
                        released > 0 ? " (" + released + " released when their customer arrived)" : ""));
            }
        }
    }
}
