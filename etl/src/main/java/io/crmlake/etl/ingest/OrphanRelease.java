package io.crmlake.etl.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Late-arriving customers: a transaction (touchpoint, account) whose customer is not known yet
 * is held in quarantine as orphan_customer. When a later batch delivers that customer, the held
 * rows are validated again from their raw line, added to bronze under their original batch and
 * lineage, and marked released by that later batch in quarantine. The next build folds in just
 * those rows, found through the quarantine (star.PendingRows), not their whole original batch.
 * A held row that fails the check again stays in quarantine under its new reason. Rows whose
 * customer never arrives stay visible in quarantine.
 */
final class OrphanRelease {

    private final LakeTables tables;

    OrphanRelease(LakeTables tables) {
        this.tables = tables;
    }

    /** What a release did: rows released into bronze, and held rows that failed the contract on the way. */
    record Outcome(long released, long failed) {
        static final Outcome NONE = new Outcome(0, 0);
    }

    /** Releases every held row whose customer is now known and that still meets the contract. */
    Outcome releaseKnown(String releasingBatch) {
        if (!tables.exists(Quarantine.TABLE)) {
            return Outcome.NONE;
        }
        Dataset<Row> known = tables.read("bronze_customers").select(col("customer_id")).distinct();
        Dataset<Row> releasable = tables.read(Quarantine.TABLE)
                .where(col("reason").equalTo(QuarantineReason.ORPHAN_CUSTOMER.code())
                        .and(col("released_batch_id").isNull()))
                .join(known, col("customer_ref").equalTo(known.col("customer_id")), "left_semi")
                .cache();
        List<Dataset<Row>> checked = new ArrayList<>();
        try {
            // One pass names the held rows' entities and batches; on a monthly run every Spark job
            // costs about as much as the few rows it handles.
            Map<String, List<String>> batchesByEntity = new LinkedHashMap<>();
            long total = 0;
            for (Row r : releasable.groupBy("entity", "batch_id").count().orderBy("entity", "batch_id").collectAsList()) {
                batchesByEntity.computeIfAbsent(r.getString(0), e -> new ArrayList<>()).add(r.getString(1));
                total += r.getLong(2);
            }
            if (total == 0) {
                return Outcome.NONE;
            }
            Dataset<Row> verdicts = null;
            for (LandingEntity entity : Catalog.get().landingEntities()) {
                List<String> batches = batchesByEntity.get(entity.name());
                if (batches == null) {
                    continue;
                }
                // The raw line is checked again: the contract may have changed since it was held.
                Dataset<Row> rechecked = releasable.where(col("entity").equalTo(entity.name()))
                        .map(revalidate(entity), Encoders.row(FileValidation.schema(entity)))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                checked.add(rechecked);
                Dataset<Row> rows = rechecked.where(col(FileValidation.REASON).isNull())
                        .withColumn("_loaded_at", current_timestamp());
                // The literal partition predicates let Delta read only the held rows' batches and
                // entities instead of scanning the whole bronze and quarantine tables to match them.
                tables.ensure(entity.bronzeTable()).as("t")
                        .merge(tables.conform(entity.bronzeTable(), rows).as("s"),
                                "t._batch_id IN " + sqlList(batches)
                                        + " AND t._source_file = s._source_file AND t._row_number = s._row_number")
                        .whenNotMatched().insertAll()
                        .execute();
                Dataset<Row> verdict = rechecked.select(lit(entity.name()).as("entity"), col("_source_file").as("source_file"),
                        col("_row_number").as("row_number"), col(FileValidation.REASON).as("reason"),
                        col(FileValidation.FIELD).as("field"), col(FileValidation.DETAIL).as("detail"));
                verdicts = verdicts == null ? verdict : verdicts.unionByName(verdict);
            }
            // One commit for all entities, after their bronze rows are in: a crash in between leaves
            // the rows held, and the next run's insert-only merges add nothing twice. A row that no
            // longer meets the contract is not released: it stays in quarantine under its new reason.
            // Counted before the quarantine changes: should Spark recompute the verdicts, it
            // reads the held rows again, and afterwards the failed ones are no longer held.
            long failedRows = verdicts.where(col("reason").isNotNull()).count();
            Map<String, String> released = Map.of("released_batch_id", "'" + IngestJob.sqlText(releasingBatch) + "'");
            Map<String, String> failed = Map.of("reason", "s.reason", "field", "s.field", "detail", "s.detail");
            tables.ensure(Quarantine.TABLE).as("t")
                    .merge(verdicts.as("s"),
                            "t.entity IN " + sqlList(batchesByEntity.keySet()) + " AND t.entity = s.entity"
                                    + " AND t.source_file = s.source_file AND t.row_number = s.row_number")
                    .whenMatched("s.reason IS NULL").updateExpr(released)
                    .whenMatched().updateExpr(failed)
                    .execute();
            return new Outcome(total - failedRows, failedRows);
        } finally {
            checked.forEach(Dataset::unpersist);
            releasable.unpersist();
        }
    }

    private static String sqlList(Collection<String> values) {
        return values.stream().map(v -> "'" + IngestJob.sqlText(v) + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static MapFunction<Row, Row> revalidate(LandingEntity entity) {
        return q -> FileValidation.revalidate(entity,
                q.getAs("batch_id"), q.getAs("source_file"), q.<Long>getAs("row_number"),
                q.getAs("header"), q.getAs("raw_line"));
    }

}
