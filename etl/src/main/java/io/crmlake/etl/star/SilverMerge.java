package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.DeltaDdl;
import io.crmlake.warehouse.catalog.LandingEntity;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Bronze → silver for one entity: the pending rows (see {@link PendingRows}) are merged on the entity's
 * key, and the latest delivery (batch, then file, then line) wins, so a corrected row in a
 * later batch replaces the earlier one and re-merging the same batch changes nothing.
 */
final class SilverMerge {

    private SilverMerge() {}

    static void apply(LakeTables tables, LandingEntity entity, PendingRows pending) {
        Column[] key = entity.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Dataset<Row> latestPerKey = pending.select(tables.read(entity.bronzeTable()))
                .withColumn("_rank", row_number().over(Window.partitionBy(key)
                        .orderBy(col("_batch_id").desc(), col("_source_file").desc(), col("_row_number").desc())))
                .where(col("_rank").equalTo(1))
                .drop("_rank");
        String on = entity.key().stream()
                .map(k -> "t." + DeltaDdl.quote(k) + " = s." + DeltaDdl.quote(k))
                .reduce((a, b) -> a + " AND " + b).orElseThrow();
        String newer = "s._batch_id > t._batch_id OR (s._batch_id = t._batch_id AND (s._source_file > t._source_file"
                + " OR (s._source_file = t._source_file AND s._row_number >= t._row_number)))";
        tables.ensure(entity.silverTable()).as("t")
                .merge(tables.conform(entity.silverTable(), latestPerKey).as("s"), on)
                .whenMatched(newer).updateAll()
                .whenNotMatched().insertAll()
                .execute();
    }
}
