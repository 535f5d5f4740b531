package io.crmlake.etl.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * crmlake ingest: every complete landing batch, in batch order and within a batch in entity
 * order (reference data, customers, then what refers to customers), is checked against the
 * contract. Good rows replace the batch's partition of its bronze table; rejected rows replace
 * the batch's rows in ops_quarantine; then the batch log records the counts. Each write is an
 * atomic replace of exactly that batch, so a crash or a re-run never duplicates rows.
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
        this.orphans = new OrphanRelease(tables, batchLog);
    }

    /** Ingests every complete batch (or only {@code onlyBatch}); returns one result per entity batch. */
    public List<BatchResult> run(Optional<String> onlyBatch, boolean force) {
        landing.requireExists();
        List<LandingBatch> all = landing.batches();
        requireDeliveries(all);
        TreeSet<String> batchIds = new TreeSet<>();
        for (LandingBatch b : all) {
            if (!b.complete()) {
                progress.accept("  " + b.label() + ": no " + LandingZone.SUCCESS_MARKER + " marker yet, left for a later run");
            } else if (onlyBatch.map(b.batchId()::equals).orElse(true)) {
                batchIds.add(b.batchId());
            }
        }
        if (onlyBatch.isPresent() && batchIds.isEmpty()) {
            throw new ContractBreach("no complete batch '" + onlyBatch.get() + "' under " + landing.root()
                    + "; `crmlake status` lists the batches that exist");
        }
        List<BatchResult> results = new ArrayList<>();
        for (String batchId : batchIds) {
            for (LandingEntity entity : Catalog.get().landingEntities()) {
                Optional<LandingBatch> batch = all.stream()
                        .filter(b -> b.complete() && b.entity().equals(entity.name()) && b.batchId().equals(batchId))
                        .findFirst();
                if (batch.isPresent()) {
                    BatchResult result = ingest(entity, batch.get(), force);
                    progress.accept("  " + result.line());
                    results.add(result);
                    if (!result.reconciles()) {
                        throw new ContractBreach("reconciliation failed for " + batch.get().label() + ": "
                                + result.rowsRead() + " rows in but " + result.rowsLoaded() + " loaded + "
                                + result.rowsQuarantined() + " quarantined; the batch is not marked loaded. "
                                + "Report this as a bug with the batch attached");
                    }
                }
                if (entity.name().equals("customers")) {
                    long released = orphans.releaseKnown(batchId);
                    if (released > 0) {
                        progress.accept(String.format("  %-18s %-9s released %,d held rows whose customer arrived",
                                "(orphans)", batchId, released));
                    }
                }
            }
        }
        return results;
    }

    private void requireDeliveries(List<LandingBatch> all) {
        for (LandingEntity e : Catalog.get().landingEntities()) {
            if (e.required() && all.stream().noneMatch(b -> b.entity().equals(e.name()))) {
                throw new ContractBreach("no " + e.name() + " batches under " + landing.root() + "/" + e.name()
                        + "; " + e.name() + " are required (landing/" + e.name() + "/<batch>/*.csv with a _SUCCESS marker)");
            }
        }
    }

    BatchResult ingest(LandingEntity entity, LandingBatch batch, boolean force) {
        long start = System.currentTimeMillis();
        String checksum = landing.checksum(batch);
        Optional<BatchLog.Entry> loaded = batchLog.find(batch.entity(), batch.batchId());
        if (loaded.isPresent() && !force) {
            if (loaded.get().checksum().equals(checksum)) {
                return new BatchResult(entity.name(), batch.batchId(), 0, 0, 0, 0, 0, true,
                        "already loaded " + loaded.get().finishedAt() + " (use --force to reload)");
            }
            throw new ContractBreach(batch.label() + " changed after it was loaded on " + loaded.get().finishedAt()
                    + " (checksum differs). A loaded batch must not change: deliver corrections as a new batch, "
                    + "or run `crmlake ingest --batch " + batch.batchId() + " --force` to replace it");
        }
        Timestamp startedAt = new Timestamp(start);
        Dataset<Row> checked = checkedRows(entity, batch).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long read = checked.count();
            Dataset<Row> rejected = checked.where(col(FileValidation.REASON).isNotNull());
            Dataset<Row> good = checked.where(col(FileValidation.REASON).isNull());
            Dataset<Row> flagged = withOrphans(entity, withDuplicates(entity, good));
            Dataset<Row> quarantined = rejected.unionByName(flagged.where(col(FileValidation.REASON).isNotNull()));
            Dataset<Row> accepted = flagged.where(col(FileValidation.REASON).isNull());

            String batchPredicate = "_batch_id = '" + sqlText(batch.batchId()) + "'";
            tables.replaceWhere(entity.bronzeTable(), accepted.withColumn("_loaded_at", current_timestamp()), batchPredicate);
            tables.replaceWhere(Quarantine.TABLE, Quarantine.rows(entity, quarantined),
                    "entity = '" + sqlText(entity.name()) + "' AND batch_id = '" + sqlText(batch.batchId()) + "'");

            long loadedRows = tables.read(entity.bronzeTable()).where(batchPredicate).count();
            long quarantinedRows = tables.read(Quarantine.TABLE)
                    .where(col("entity").equalTo(entity.name()).and(col("batch_id").equalTo(batch.batchId()))).count();
            long millis = System.currentTimeMillis() - start;
            BatchResult result = new BatchResult(entity.name(), batch.batchId(), read, loadedRows, quarantinedRows,
                    0, millis, false, null);
            if (result.reconciles()) {
                batchLog.record(batch, batch.files().size(), checksum, result, startedAt,
                        new Timestamp(System.currentTimeMillis()), force);
            }
            return result;
        } finally {
            checked.unpersist();
        }
    }

    private Dataset<Row> checkedRows(LandingEntity entity, LandingBatch batch) {
        if (batch.files().isEmpty()) {
            return tables.spark().createDataFrame(List.of(), FileValidation.schema(entity));
        }
        return tables.spark().read().format("binaryFile")
                .load(batch.files().toArray(String[]::new))
                .select("path", "content")
                .flatMap(new FileValidation(entity, batch), Encoders.row(FileValidation.schema(entity)));
    }

    /** A second row with the same key in one batch is a duplicate; the first one (by file and line) stays. */
    private static Dataset<Row> withDuplicates(LandingEntity entity, Dataset<Row> good) {
        Column[] key = entity.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        WindowSpec byKey = Window.partitionBy(key).orderBy(col("_source_file"), col("_row_number"));
        Column firstRow = first(col("_row_number")).over(byKey);
        Column isDuplicate = row_number().over(byKey).gt(1);
        return good
                .withColumn(FileValidation.REASON, org.apache.spark.sql.functions
                        .when(isDuplicate, lit(QuarantineReason.DUPLICATE_KEY.code())))
                .withColumn(FileValidation.DETAIL, org.apache.spark.sql.functions.when(isDuplicate,
                        concat(lit("same " + String.join(", ", entity.key()) + " as row "),
                                firstRow.cast("string"), lit(" of "), first(col("_source_file")).over(byKey))));
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
                .withColumn(FileValidation.FIELD, org.apache.spark.sql.functions
                        .when(orphan, lit(ref)).otherwise(col(FileValidation.FIELD)))
                .withColumn(FileValidation.DETAIL, org.apache.spark.sql.functions
                        .when(orphan, concat(lit(ref + " '"), col(ref),
                                lit("' is not a known customer; the row is held until that customer is delivered")))
                        .otherwise(col(FileValidation.DETAIL)))
                .withColumn(FileValidation.REASON, org.apache.spark.sql.functions
                        .when(orphan, lit(QuarantineReason.ORPHAN_CUSTOMER.code())).otherwise(col(FileValidation.REASON)))
                .drop("_known_customer");
    }

    static String sqlText(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
