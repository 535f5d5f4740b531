package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.spark.LakeTables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * fact_transaction: silver transactions with every key resolved as of the transaction time and
 * the measures defined once: revenue is +|amount| for purchases and bills, -|amount| for refunds
 * and 0 for cash movements (payments, deposits, withdrawals); cost takes revenue's sign; margin
 * is revenue - cost. A missing txn_type counts as a purchase.
 */
final class TransactionFact {

    private TransactionFact() {}

    /** Merges the changed transactions; returns the earliest month touched, or null. */
    static Integer apply(LakeTables tables, PendingRows pendingRows, Dataset<Row> affectedCustomers) {
        Dataset<Row> rows = EventFacts.changedRows(tables, "silver_transactions", "txn_id", "txn_ts",
                pendingRows, affectedCustomers);
        Column type = coalesce(col("txn_type"), lit("purchase"));
        Column sign = when(type.isin("purchase", "bill"), lit(1))
                .when(type.equalTo("refund"), lit(-1))
                .otherwise(lit(0));
        Dataset<Row> facts = Keys.customerAsOf(rows, tables.read("dim_customer"), "txn_ts")
                .transform(f -> Keys.resolve(f, tables.read("dim_product"), "product_id", "product_id", "product_sk"))
                .transform(f -> Keys.resolve(f, tables.read("dim_channel"), "channel_id", "channel_id", "channel_sk"))
                .transform(f -> Keys.resolve(f, tables.read("dim_org_unit"), "org_unit_id", "org_unit_id", "org_unit_sk"))
                .withColumn("month_key", Keys.monthKey(col("txn_ts")))
                .withColumn("date_key", Keys.dateKey(col("txn_ts")))
                .withColumn("txn_type", type)
                .withColumn("revenue", abs(col("amount")).multiply(sign).cast("decimal(18,2)"))
                .withColumn("cost", abs(coalesce(col("cost"), lit(0))).multiply(sign).cast("decimal(18,2)"))
                .withColumn("margin", col("revenue").minus(col("cost")).cast("decimal(18,2)"))
                .withColumn("is_purchase", type.equalTo("purchase"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Integer earliest = EventFacts.earliestMonth(tables, "fact_transaction", "txn_id", facts);
            tables.upsert("fact_transaction", facts);
            return earliest;
        } finally {
            facts.unpersist();
        }
    }
}
