package io.crmlake.etl.ingest;

import static org.apache.spark.sql.functions.col;

import io.crmlake.etl.spark.LakeTables;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A logged batch; {@code fingerprint} is null for batches logged before fingerprints were kept. */
    public record Entry(String entity, String batchId, String checksum, String fingerprint, Timestamp finishedAt) {}

    /** Every logged batch by its label entity/batch. */
    public Map<String, Entry> entries() {
        Map<String, Entry> entries = new HashMap<>();
        for (Row r : tables.read(TABLE).select("entity", "batch_id", "checksum", "file_fingerprint", "finished_at")
                .collectAsList()) {
            Entry e = new Entry(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4));
            entries.put(e.entity() + "/" + e.batchId(), e);
        }
        return entries;
    }

    /** Records loaded batches (one row each, merged on entity and batch); they are pending a build. */
    public void record(List<LandingBatch> batches, List<String> checksums, List<BatchResult> results,
                       Timestamp startedAt, Timestamp finishedAt, boolean forced) {
        StructType schema = tables.read(TABLE).schema();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            BatchResult r = results.get(i);
            rows.add(RowFactory.create(r.entity(), r.batchId(), batches.get(i).files().size(), checksums.get(i),
                    r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined(), startedAt, finishedAt, r.millis(), forced, null,
                    batches.get(i).fingerprint()));
        }
        tables.upsert(TABLE, tables.spark().createDataFrame(rows, schema));
    }
}
