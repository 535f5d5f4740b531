package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.crmlake.etl.spark.LakeTables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;

/**
 * dim_customer, SCD type 2. For every customer touched by the pending batches the whole chain
 * of versions is rebuilt from silver (so a late-arriving state slots in between two others),
 * rows that change no tracked attribute are folded into the version before, and the chain is
 * merged in: new versions inserted, changed ones updated, versions that no longer exist deleted.
 */
final class CustomerDimension {

    static final List<String> TRACKED = List.of("name", "gender", "birth_date", "phone", "city", "region",
            "org_unit_id", "owner_staff_id", "join_date", "customer_type", "relationship", "tier",
            "consent_sms", "consent_phone", "consent_email", "attributes");

    private CustomerDimension() {}

    /**
     * Applies the pending customer batches; returns the affected customers with {@code since},
     * the earliest time from which their events may resolve to another version.
     */
    static Dataset<Row> apply(LakeTables tables, List<String> pendingBatches) {
        Dataset<Row> silver = tables.read("silver_customers");
        Dataset<Row> pending = silver.where(col("_batch_id").isin(pendingBatches.toArray()));
        Dataset<Row> affectedIds = pending.select("customer_id").distinct();
        Dataset<Row> history = silver.join(affectedIds, "customer_id");

        WindowSpec byTime = Window.partitionBy("customer_id").orderBy("updated_at");
        Column rowHash = xxhash64(TRACKED.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        Dataset<Row> versions = history
                .withColumn("row_hash", rowHash)
                .withColumn("_prev_hash", lag("row_hash", 1).over(byTime))
                .where(col("_prev_hash").isNull().or(col("_prev_hash").notEqual(col("row_hash"))))
                .withColumn("version", row_number().over(byTime))
                .withColumn("valid_from", col("updated_at"))
                .withColumn("_next", lead("updated_at", 1).over(byTime))
                .withColumn("valid_to", when(col("_next").isNull(), to_timestamp(lit(Keys.END_OF_TIME))).otherwise(col("_next")))
                .withColumn("is_current", col("_next").isNull())
                .withColumn("customer_sk", xxhash64(col("customer_id"), col("valid_from").cast("string")))
                .persist(StorageLevel.MEMORY_AND_DISK());

        Dataset<Row> existing = tables.read("dim_customer").join(affectedIds, "customer_id");
        Dataset<Row> stale = existing.join(versions.select("customer_sk"), "customer_sk", "left_anti")
                .select(col("customer_sk"))
                .withColumn("_delete", lit(true));
        Dataset<Row> source = tables.conform("dim_customer", versions).withColumn("_delete", lit(false))
                .unionByName(stale, true);
        tables.ensure("dim_customer").as("t")
                .merge(source.as("s"), "t.customer_sk = s.customer_sk")
                .whenMatched("s._delete").delete()
                .whenMatched().updateExpr(assignments(tables))
                .whenNotMatched("NOT s._delete").insertExpr(assignments(tables))
                .execute();

        // Events from the earliest pending state on may now resolve to another version; a new
        // first version also takes the events before it (see Keys.customerAsOf).
        Dataset<Row> firstVersion = versions.where(col("version").equalTo(1)).select(col("customer_id"), col("valid_from").as("_first"));
        Dataset<Row> affected = pending.groupBy("customer_id").agg(min("updated_at").as("since"))
                .join(firstVersion, "customer_id")
                .withColumn("since", when(col("since").leq(col("_first")), to_timestamp(lit("0001-01-01 00:00:00")))
                        .otherwise(col("since")))
                .drop("_first");
        versions.unpersist();
        return affected;
    }

    private static java.util.Map<String, String> assignments(LakeTables tables) {
        java.util.Map<String, String> set = new java.util.LinkedHashMap<>();
        for (String c : tables.table("dim_customer").columnNames()) {
            set.put(c, "s.`" + c + "`");
        }
        return set;
    }
}
