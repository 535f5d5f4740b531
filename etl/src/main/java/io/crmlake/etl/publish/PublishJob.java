package io.crmlake.etl.publish;

import io.crmlake.etl.ingest.BatchLog;
import io.crmlake.etl.ingest.Quarantine;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishSummary;
import io.crmlake.warehouse.serving.PublishedTable;
import io.crmlake.warehouse.serving.PublishedTable.Storage;
import io.crmlake.warehouse.serving.ServingCatalogWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code crmlake publish}: every gold table and mart, and the two ops tables the status page
 * shows, into the DuckDB serving catalog. Each table's current Delta snapshot is resolved through
 * the Delta log (version and files); the facts become views over those files, the rest is copied
 * in ({@link ServingStorage}). A lake that is not on a local disk, and a table with deletion
 * vectors, go through a Spark-written Parquet extract instead ({@link ParquetExtract}). The
 * catalog is written as a new file and renamed over the old one, so re-running is always safe.
 */
public final class PublishJob {

    private static final int RESOLVE_THREADS = 4;

    private final LakeTables tables;
    private final Path servingDir;
    private final Consumer<String> progress;
    private final boolean extractEverything;

    public PublishJob(LakeTables tables, Consumer<String> progress) {
        this(tables, tables.paths().serving(), progress);
    }

    public PublishJob(LakeTables tables, Path servingDir, Consumer<String> progress) {
        this(tables, servingDir, progress, !tables.paths().isLocal());
    }

    /** {@code extractEverything}: copy every table through a Spark extract (what a remote lake does). */
    PublishJob(LakeTables tables, Path servingDir, Consumer<String> progress, boolean extractEverything) {
        this.tables = tables;
        this.servingDir = servingDir;
        this.progress = progress;
        this.extractEverything = extractEverything;
    }

    /** The tables of the serving catalog, in catalog order: gold, marts, then the ops tables. */
    public static List<Table> servedTables() {
        Catalog catalog = Catalog.get();
        return Stream.of(catalog.tables(Layer.GOLD).stream(), catalog.tables(Layer.MART).stream(),
                        Stream.of(catalog.table(BatchLog.TABLE), catalog.table(Quarantine.TABLE)))
                .flatMap(s -> s)
                .toList();
    }

    public PublishSummary run() {
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (ParquetExtract extract = new ParquetExtract(tables.spark(), tables.paths().root(), tables.paths().isLocal(), servingDir)) {
            long start = System.currentTimeMillis();
            List<PublishedTable> published = resolve(extract);
            progress.accept(String.format("  current files of %d tables read from their Delta logs in %.1f s; writing the catalog",
                    published.size(), (System.currentTimeMillis() - start) / 1000.0));
            return ServingCatalogWriter.publish(servingDir, published, publishedAt, entry -> progress.accept(String.format(
                    "  %-28s %-5s %-6s %-5s %,12d rows", entry.table(), entry.layer(),
                    entry.deltaVersion() < 0 ? "-" : "v" + entry.deltaVersion(),
                    entry.storage().name().toLowerCase(java.util.Locale.ROOT), entry.rows())));
        }
    }

    /**
     * Each served table's current files and version (Spark: reads the Delta logs, writes extracts).
     * Tables are resolved on a few threads at once: each is a small Spark job whose time goes
     * mostly to planning and log reading on the driver, which overlap well (Spark schedules jobs
     * from several threads, see "Scheduling Within an Application" in its job-scheduling guide).
     */
    List<PublishedTable> resolve(ParquetExtract extract) {
        List<Table> served = servedTables();
        ExecutorService pool = Executors.newFixedThreadPool(RESOLVE_THREADS, runnable -> {
            Thread t = new Thread(runnable, "publish-resolve");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PublishedTable>> futures = new ArrayList<>();
            for (Table table : served) {
                futures.add(pool.submit(() -> resolve(table, extract)));
            }
            List<PublishedTable> published = new ArrayList<>();
            for (Future<PublishedTable> f : futures) {
                published.add(f.get());
            }
            return published;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("publish was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private PublishedTable resolve(Table table, ParquetExtract extract) {
        if (!tables.exists(table.name())) {
            return PublishedTable.absent(table);
        }
        String location = tables.location(table.name());
        DeltaSnapshotFiles snapshot = DeltaSnapshotFiles.of(tables.spark(), location);
        if (extractEverything || snapshot.hasDeletionVectors()) {
            progress.accept("  " + table.name() + ": copying v" + snapshot.version() + " through a Parquet extract ("
                    + (extractEverything ? "the lake is not on a local disk" : "its files carry deletion vectors") + ")");
            List<String> files = extract.extract(table, location, snapshot.version());
            return new PublishedTable(table, files, snapshot.version(), Storage.TABLE);
        }
        List<String> files = snapshot.files().stream().map(DeltaSnapshotFiles::localPath).toList();
        return new PublishedTable(table, files, snapshot.version(), ServingStorage.of(table));
    }

    /** Writes resolved tables as one publish (the DuckDB half, no Spark); for tests that publish repeatedly. */
    PublishSummary write(List<PublishedTable> published) {
        return ServingCatalogWriter.publish(servingDir, published, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
