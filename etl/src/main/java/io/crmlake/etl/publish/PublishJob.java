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
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code crmlake publish}: every gold table and mart, and the two ops tables the status page
 * shows, into the DuckDB serving catalog. Each table's current Delta snapshot is resolved through
 * the Delta log with Delta Kernel (version and files, {@link DeltaSnapshotFiles}); the facts become
 * views over those files, the rest is copied in ({@link ServingStorage}). A lake that is not on a
 * local disk, a table with deletion vectors, and one whose partition folders do not spell the
 * log's partition values go through a Spark-written Parquet extract instead
 * ({@link ParquetExtract}). The catalog is written as a new file and renamed over the old one, so
 * re-running is always safe.
 */
public final class PublishJob {

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
            List<PublishedTable> published = resolve(extract);
            return ServingCatalogWriter.publish(servingDir, published, publishedAt, entry -> progress.accept(String.format(
                    "  %-28s %-5s %-6s %-5s %,12d rows", entry.table(), entry.layer(),
                    entry.deltaVersion() < 0 ? "-" : "v" + entry.deltaVersion(),
                    entry.storage().name().toLowerCase(java.util.Locale.ROOT), entry.rows())));
        }
    }

    /**
     * Each served table's current version and files: first every Delta log, read with Delta Kernel
     * in this JVM (no Spark job), then the Spark Parquet extracts of the tables DuckDB cannot read
     * in place.
     */
    List<PublishedTable> resolve(ParquetExtract extract) {
        long start = System.nanoTime();
        Engine engine = DefaultEngine.create(tables.spark().sessionState().newHadoopConf());
        Map<Table, Optional<DeltaSnapshotFiles>> snapshots = new LinkedHashMap<>();
        for (Table table : servedTables()) {
            snapshots.put(table, DeltaSnapshotFiles.read(engine, table.name(), tables.location(table.name())));
        }
        long files = snapshots.values().stream().flatMap(Optional::stream).mapToLong(s -> s.files().size()).sum();
        long existing = snapshots.values().stream().filter(Optional::isPresent).count();
        progress.accept(String.format("  Delta logs of %d tables read in %.1f s (%d in the lake, %,d data files); writing the catalog",
                snapshots.size(), (System.nanoTime() - start) / 1e9, existing, files));
        List<PublishedTable> published = new ArrayList<>();
        snapshots.forEach((table, snapshot) -> published.add(snapshot
                .map(s -> published(table, s, extract))
                .orElseGet(() -> PublishedTable.absent(table))));
        return published;
    }

    private PublishedTable published(Table table, DeltaSnapshotFiles snapshot, ParquetExtract extract) {
        String whyExtract = extractEverything ? "the lake is not on a local disk"
                : snapshot.hasDeletionVectors() ? "its files carry deletion vectors"
                : !snapshot.partitionFoldersMatchTheLog(table.partitionBy()) ? "its partition folders do not spell its partition values"
                : null;
        if (whyExtract != null) {
            long start = System.nanoTime();
            List<String> files = extract.extract(table, tables.location(table.name()), snapshot.version());
            progress.accept(String.format("  %s: copied v%d through a Parquet extract (%s) in %.1f s",
                    table.name(), snapshot.version(), whyExtract, (System.nanoTime() - start) / 1e9));
            return new PublishedTable(table, files, snapshot.version(), Storage.TABLE);
        }
        List<String> files = snapshot.uris().stream().map(DeltaSnapshotFiles::localPath).toList();
        return new PublishedTable(table, files, snapshot.version(), ServingStorage.of(table));
    }

    /** Writes resolved tables as one publish (the DuckDB half, no Spark); for tests that publish repeatedly. */
    PublishSummary write(List<PublishedTable> published) {
        return ServingCatalogWriter.publish(servingDir, published, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
