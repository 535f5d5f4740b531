package io.crmlake.etl.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * crmlake ingest: every complete landing batch is checked against the contract. Entities go in
 * contract order (customers before what refers to them), and all pending batches of one entity
 * are validated in one Spark pass. Good rows replace those batches' partitions of the bronze
 * table, rejected rows replace their rows in ops_quarantine, and only then does the batch log
 * record them, with counts per batch. Each write is an atomic replace of exactly those batches,
 * so a crash or a re-run never duplicates rows.
 */
public final class IngestJob {

    private final LakeTables tables;
    private final LandingZone landing;
    private final Consumer<String> progress;
    private final BatchLog batchLog;
    private final OrphanRelease orphans;

    public IngestJob(LakeTables tables, LandingZone landing, Consumer<String> progress) {
        this.tables = tables;
        this.landing = landing;
        this.progress = progress;
        this.batchLog = new BatchLog(tables);
        this.orphans = new OrphanRelease(tables);
    }

    /** Ingests every complete batch (or only {@code onlyBatch}); returns one result per entity batch. */
    public List<BatchResult> run(Optional<String> onlyBatch, boolean force) {
        landing.requireExists();
        List<LandingBatch> all = landing.batches();
        requireDeliveries(all);
        List<LandingBatch> wanted = new ArrayList<>();
        for (LandingBatch b : all) {
            if (!b.complete()) {
                progress.accept("  " + b.label() + ": no " + LandingZone.SUCCESS_MARKER + " marker yet, left for a later run");
            } else if (onlyBatch.map(b.batchId()::equals).orElse(true)) {
                wanted.add(b);
            }
        }
        if (onlyBatch.isPresent() && wanted.isEmpty()) {
            throw new ContractBreach("no complete batch '" + onlyBatch.get() + "' under " + landing.root()
                    + "; `crmlake status` lists the batches that are loaded");
        }
        Map<String, BatchLog.Entry> loaded = batchLog.entries();
        List<BatchResult> results = new ArrayList<>();
        List<LandingBatch> logBatches = new ArrayList<>();
        List<String> logChecksums = new ArrayList<>();
        List<BatchResult> logResults = new ArrayList<>();
        Timestamp startedAt = new Timestamp(System.currentTimeMillis());
        for (LandingEntity entity : Catalog.get().landingEntities()) {
            List<Pending> toLoad = new ArrayList<>();
            for (LandingBatch b : wanted) {
                if (b.entity().equals(entity.name())) {
                    BatchLog.Entry entry = loaded.get(b.label());
                    if (entry != null && !force && b.fingerprint().equals(entry.fingerprint())) {
                        // Same names, sizes and modification times as when loaded: skip the
                        // hashing, which would otherwise re-read every delivery on every run.
                        results.add(alreadyLoaded(b, entry));
                        continue;
                    }
                    String checksum = landing.checksum(b);
                    if (entry != null && !force) {
                        if (!entry.checksum().equals(checksum)) {
                            throw new ContractBreach(b.label() + " changed after it was loaded on " + entry.finishedAt()
                                    + " (checksum differs). A loaded batch must not change: deliver corrections as a new "
                                    + "batch, or run `crmlake ingest --batch " + b.batchId() + " --force` to replace it");
                        }
                        results.add(alreadyLoaded(b, entry));
                        continue;
                    }
                    toLoad.add(new Pending(b, checksum));
                }
            }
            if (!toLoad.isEmpty()) {
                List<BatchResult> loadedNow = ingest(entity, toLoad);
                loadedNow.forEach(r -> progress.accept("  " + r.line()));
                results.addAll(loadedNow);
                toLoad.forEach(p -> {
                    logBatches.add(p.batch());
                    logChecksums.add(p.checksum());
                });
                logResults.addAll(loadedNow);
            }
            if (entity.name().equals("customers") && !toLoad.isEmpty()) {
                // Only newly loaded customers can release held rows. The released rows are named
                // after the newest customers batch of this run, which stays pending until the
                // next build folds them in (see star.PendingRows).
                String releasing = toLoad.stream().map(p -> p.batch().batchId()).max(String::compareTo).orElseThrow();
                long t0 = System.currentTimeMillis();
                OrphanRelease.Outcome release = orphans.releaseKnown(releasing);
                if (release.released() + release.failed() > 0) {
                    progress.accept(String.format("  %-18s released %,d held rows whose customer has arrived%s (%.1f s)", "(orphans)",
                            release.released(), release.failed() == 0 ? "" : String.format("; %,d no longer meet the contract"
                                    + " and stay in quarantine under their new reason", release.failed()),
                            (System.currentTimeMillis() - t0) / 1000.0));
                }
            }
        }
        // One log write for the run: a crash before it leaves the batches "not loaded", and the
        // next run replaces their rows again.
        if (!logBatches.isEmpty()) {
            batchLog.record(logBatches, logChecksums, logResults, startedAt, new Timestamp(System.currentTimeMillis()), force);
        }
        return results;
    }

    private record Pending(LandingBatch batch, String checksum) {}

    private static BatchResult alreadyLoaded(LandingBatch batch, BatchLog.Entry entry) {
        return new BatchResult(batch.entity(), batch.batchId(), 0, 0, 0, 0, 0, true,
                "already loaded " + entry.finishedAt() + " (use --force to reload)");
    }

    private void requireDeliveries(List<LandingBatch> all) {
        for (LandingEntity e : Catalog.get().landingEntities()) {
            if (e.required() && all.stream().noneMatch(b -> b.entity().equals(e.name()))) {
                throw new ContractBreach("no " + e.name() + " batches under " + landing.root() + "/" + e.name()
                        + "; " + e.name() + " are required (landing/" + e.name() + "/<batch>/*.csv with a _SUCCESS marker)");
            }
        }
    }

    private List<BatchResult> ingest(LandingEntity entity, List<Pending> batches) {
        long start = System.currentTimeMillis();
        List<String> ids = batches.stream().map(p -> p.batch().batchId()).toList();
        // Every row once, with its verdict: the contract check, then duplicates and orphans among
        // the rows that passed it. Persisted, so that the count, bronze and quarantine all read
        // the files and run the window and the join only once.
        Dataset<Row> labelled = withOrphans(entity, withDuplicates(entity, checkedRows(entity, batches)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, long[]> counted = readAndRejectedByBatch(labelled);
            Dataset<Row> accepted = labelled.where(col(FileValidation.REASON).isNull());
            Dataset<Row> quarantined = labelled.where(col(FileValidation.REASON).isNotNull());

            String inBatches = ids.stream().map(id -> "'" + sqlText(id) + "'").collect(Collectors.joining(", ", "(", ")"));
            String quarantinePredicate = "entity = '" + sqlText(entity.name()) + "' AND batch_id IN " + inBatches;
            tables.replaceWhere(entity.bronzeTable(), accepted.withColumn("_loaded_at", current_timestamp()),
                    "_batch_id IN " + inBatches);
            boolean rejectsNow = counted.values().stream().anyMatch(c -> c[1] > 0);
            // Most batches quarantine nothing. Their quarantine write would be an empty commit,
            // unless an earlier attempt (a crash, or a load before --force) left rows to replace.
            if (rejectsNow || !tables.read(Quarantine.TABLE).where(quarantinePredicate).isEmpty()) {
                tables.replaceWhere(Quarantine.TABLE, Quarantine.rows(entity, quarantined), quarantinePredicate);
            }

            // Read back what the two tables now hold for these batches, in one Spark job.
            Dataset<Row> loadedRows = tables.read(entity.bronzeTable()).where("_batch_id IN " + inBatches)
                    .select(lit(true).as("_loaded"), col("_batch_id"));
            Dataset<Row> heldRows = tables.read(Quarantine.TABLE).where(quarantinePredicate)
                    .select(lit(false).as("_loaded"), col("batch_id").as("_batch_id"));
            Map<String, Long> loaded = new HashMap<>();
            Map<String, Long> held = new HashMap<>();
            for (Row r : loadedRows.unionByName(heldRows).groupBy("_loaded", "_batch_id").count().collectAsList()) {
                (r.getBoolean(0) ? loaded : held).put(r.getString(1), r.getLong(2));
            }
            long millis = System.currentTimeMillis() - start;
            List<BatchResult> results = new ArrayList<>();
            for (Pending p : batches) {
                String id = p.batch().batchId();
                BatchResult r = new BatchResult(entity.name(), id, counted.getOrDefault(id, new long[2])[0],
                        loaded.getOrDefault(id, 0L), held.getOrDefault(id, 0L), 0, millis / batches.size(), false, null);
                Reconciliation.require(p.batch(), r);
                results.add(r);
            }
            return results;
        } finally {
            labelled.unpersist();
        }
    }

    /** Per batch: the rows read and how many of them are to be quarantined, in one pass. */
    private static Map<String, long[]> readAndRejectedByBatch(Dataset<Row> labelled) {
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : labelled.groupBy("_batch_id").agg(count("*"), count(col(FileValidation.REASON))).collectAsList()) {
            counts.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
        }
        return counts;
    }

    private Dataset<Row> checkedRows(LandingEntity entity, List<Pending> batches) {
        String[] files = batches.stream().flatMap(p -> p.batch().files().stream()).toArray(String[]::new);
        if (files.length == 0) {
            return tables.spark().createDataFrame(List.of(), FileValidation.schema(entity));
        }
        return tables.spark().read().format("binaryFile")
                .load(files)
                .select("path", "content")
                .flatMap(new FileValidation(entity), Encoders.row(FileValidation.schema(entity)));
    }

    /**
     * A second row with the same key in one batch is a duplicate; the first one (by file and line)
     * stays. Only rows that passed the contract check compete: a rejected row keeps its reason.
     */
    private static Dataset<Row> withDuplicates(LandingEntity entity, Dataset<Row> checked) {
        Column passed = col(FileValidation.REASON).isNull();
        List<Column> key = new ArrayList<>();
        key.add(col("_batch_id"));
        key.add(passed);
        entity.key().forEach(k -> key.add(col(k)));
        WindowSpec byKey = Window.partitionBy(key.toArray(Column[]::new)).orderBy(col("_source_file"), col("_row_number"));
        Column isDuplicate = passed.and(row_number().over(byKey).gt(1));
        return checked
                .withColumn(FileValidation.DETAIL, when(isDuplicate,
                        concat(lit("same " + String.join(", ", entity.key()) + " as row "),
                                first(col("_row_number")).over(byKey).cast("string"),
                                lit(" of "), first(col("_source_file")).over(byKey)))
                        .otherwise(col(FileValidation.DETAIL)))
                .withColumn(FileValidation.REASON, when(isDuplicate, lit(QuarantineReason.DUPLICATE_KEY.code()))
                        .otherwise(col(FileValidation.REASON)));
    }

    /** Rows that point at a customer no batch has delivered are held in quarantine until it arrives. */
    private Dataset<Row> withOrphans(LandingEntity entity, Dataset<Row> rows) {
        if (entity.customerRef() == null) {
            return rows;
        }
        String ref = entity.customerRef();
        Dataset<Row> known = tables.read("bronze_customers").select(col("customer_id").as("_known_customer")).distinct();
        Column orphan = col(FileValidation.REASON).isNull().and(col("_known_customer").isNull());
        return rows.join(known, rows.col(ref).equalTo(known.col("_known_customer")), "left")
                .withColumn(FileValidation.FIELD, when(orphan, lit(ref)).otherwise(col(FileValidation.FIELD)))
                .withColumn(FileValidation.DETAIL, when(orphan, concat(lit(ref + " '"), col(ref),
                                lit("' is not a known customer; the row is held until that customer is delivered")))
                        .otherwise(col(FileValidation.DETAIL)))
                .withColumn(FileValidation.REASON, when(orphan, lit(QuarantineReason.ORPHAN_CUSTOMER.code()))
                        .otherwise(col(FileValidation.REASON)))
                .drop("_known_customer");
    }

    static String sqlText(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
