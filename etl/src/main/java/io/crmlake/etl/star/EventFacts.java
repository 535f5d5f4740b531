package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.col;

import io.crmlake.etl.spark.LakeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What an event fact (transaction, touchpoint) takes from silver on a build: the pending rows
 * (batches and released orphans), plus the rows of affected customers from their {@code since} on, whose
 * customer version may have changed. Also reports which months the merge touches, old and new,
 * so the periodic snapshots can be refreshed from the earliest one.
 */
final class EventFacts {

    private EventFacts() {}

    static Dataset<Row> changedRows(LakeTables tables, String silverTable, String key, String tsColumn,
                                    PendingRows pendingRows, Dataset<Row> affectedCustomers) {
        Dataset<Row> silver = tables.read(silverTable);
        Dataset<Row> pending = pendingRows.select(silver);
        Dataset<Row> reResolved = silver.join(affectedCustomers, "customer_id")
                .where(col(tsColumn).geq(col("since")))
                .drop("since");
        return pending.unionByName(reResolved).dropDuplicates(key);
    }

    /** The smallest month_key among the new rows and the rows they replace; null when none. */
    static Integer earliestMonth(LakeTables tables, String factTable, String key, Dataset<Row> newFacts) {
        Dataset<Row> replaced = tables.read(factTable).join(newFacts.select(key), key).select("month_key");
        Row row = newFacts.select("month_key").unionByName(replaced)
                .agg(org.apache.spark.sql.functions.min("month_key")).first();
        return row.isNullAt(0) ? null : row.getInt(0);
    }
}
