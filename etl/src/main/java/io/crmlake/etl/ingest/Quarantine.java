package io.crmlake.etl.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** ops_quarantine rows from rejected landing rows. */
public final class Quarantine {

    public static final String TABLE = "ops_quarantine";

    private Quarantine() {}

    static Dataset<Row> rows(LandingEntity entity, Dataset<Row> rejected) {
        Dataset<Row> withRef = entity.customerRef() == null
                ? rejected.withColumn("customer_ref", lit(null).cast("string"))
                : rejected.withColumn("customer_ref", when(col(FileValidation.REASON)
                        .equalTo(QuarantineReason.ORPHAN_CUSTOMER.code()), col(entity.customerRef())));
        return withRef
                .withColumn("entity", lit(entity.name()))
                .withColumn("batch_id", col("_batch_id"))
                .withColumn("source_file", col("_source_file"))
                .withColumn("row_number", col("_row_number"))
                .withColumn("reason", col(FileValidation.REASON))
                .withColumn("field", col(FileValidation.FIELD))
                .withColumn("detail", col(FileValidation.DETAIL))
                .withColumn("raw_line", col(FileValidation.RAW_LINE))
                .withColumn("quarantined_at", current_timestamp())
                .withColumn("released_batch_id", lit(null).cast("string"))
                .withColumn("header", col(FileValidation.HEADER));
    }
}
