package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.crmlake.etl.ingest.Quarantine;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The rows of one landing entity that a build must fold in: every row of its pending batches,
 * plus the rows held as orphans in an earlier batch and released by a pending customers batch.
 *
 * <p>Released rows keep their original batch and lineage in bronze, so they are named here by
 * file and line rather than by batch. Marking their whole original batch pending instead would
 * re-merge a month of rows into silver and gold for a handful of late customers, which made the
 * monthly build cost most of a full rebuild.
 */
final class PendingRows {

    private final List<String> batches;
    /** (batch_id, source_file, row_number) of the released rows; null when there are none. */
    private final Dataset<Row> released;
    private final List<String> releasedFromBatches;

    private PendingRows(List<String> batches, Dataset<Row> released, List<String> releasedFromBatches) {
        this.batches = List.copyOf(batches);
        this.released = released;
        this.releasedFromBatches = releasedFromBatches;
    }

    /** Only whole batches: for entities that are never held as orphans. */
    static PendingRows batches(List<String> batches) {
        return new PendingRows(batches, null, List.of());
    }

    /**
     * The pending batches of {@code entity} and the rows of it released by {@code releasingBatches}
     * (the pending customers batches).
     */
    static PendingRows of(LakeTables tables, String entity, List<String> batches, List<String> releasingBatches) {
        if (releasingBatches.isEmpty() || !tables.exists(Quarantine.TABLE)) {
            return batches(batches);
        }
        Dataset<Row> released = tables.read(Quarantine.TABLE)
                .where(col("entity").equalTo(entity)
                        .and(col("reason").equalTo(QuarantineReason.ORPHAN_CUSTOMER.code()))
                        .and(col("released_batch_id").isin(releasingBatches.toArray()))
                        // Rows of a batch that is pending anyway are already included.
                        .and(not(col("batch_id").isin(batches.toArray()))))
                .select(col("batch_id"), col("source_file"), col("row_number"));
        List<String> from = released.select("batch_id").distinct().as(Encoders.STRING()).collectAsList();
        return from.isEmpty() ? batches(batches) : new PendingRows(batches, released, List.copyOf(from));
    }

    boolean isEmpty() {
        return batches.isEmpty() && releasedFromBatches.isEmpty();
    }

    /** Whether rows released from batches that are not pending themselves are included. */
    boolean releasesLateRows() {
        return !releasedFromBatches.isEmpty();
    }

    /** The pending rows of a table that carries the lineage columns _batch_id, _source_file and _row_number. */
    Dataset<Row> select(Dataset<Row> lineageTable) {
        Dataset<Row> whole = lineageTable.where(col("_batch_id").isin(batches.toArray()));
        if (released == null) {
            return whole;
        }
        Dataset<Row> late = lineageTable.where(col("_batch_id").isin(releasedFromBatches.toArray()))
                .join(released, col("_source_file").equalTo(released.col("source_file"))
                        .and(col("_row_number").equalTo(released.col("row_number"))), "left_semi");
        return whole.unionByName(late);
    }

    @Override
    public String toString() {
        return releasedFromBatches.isEmpty() ? batches.toString()
                : batches + " + released rows of " + releasedFromBatches;
    }
}
