package io.crmlake.etl.ingest;

import io.crmlake.etl.spark.LakeTables;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/** ops_batch_log: which batches are loaded, with their checksum, counts and build state. */
public final class BatchLog {

    public static final String TABLE = "ops_batch_log";

    private final LakeTables tables;

    public BatchLog(LakeTables tables) {
        this.tables = tables;
    }

    public record Entry(String entity, String batchId, String checksum, Timestamp finishedAt) {}

    public Optional<Entry> find(String entity, String batchId) {
        List<Row> rows = tables.read(TABLE)
                .where(functions.col("entity").equalTo(entity).and(functions.col("batch_id").equalTo(batchId)))
                .select("entity", "batch_id", "checksum", "finished_at")
                .collectAsList();
        return rows.stream().findFirst()
                .map(r -> new Entry(r.getString(0), r.getString(1), r.getString(2), r.getTimestamp(3)));
    }

    public void record(LandingBatch batch, int files, String checksum, BatchResult result,
                       Timestamp startedAt, Timestamp finishedAt, boolean forced) {
        StructType schema = tables.spark().read().format("delta").load(tables.location(TABLE)).schema();
        Row row = RowFactory.create(batch.entity(), batch.batchId(), files, checksum, result.rowsRead(),
                result.rowsLoaded(), result.rowsQuarantined(), startedAt, finishedAt, result.millis(), forced, null);
        Dataset<Row> source = tables.spark().createDataFrame(List.of(row), schema);
        tables.upsert(TABLE, source);
    }

    /** Marks batches as needing a build again (their bronze rows changed, e.g. released orphans). */
    public void markPending(String entity, List<String> batchIds) {
        if (batchIds.isEmpty()) {
            return;
        }
        tables.ensure(TABLE).update(
                functions.col("entity").equalTo(entity).and(functions.col("batch_id").isin(batchIds.toArray())),
                java.util.Map.of("built_at", functions.lit(null).cast("timestamp")));
    }
}
