package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Each customer's relationship (contractual or non_contractual) as of a date, from the SCD2
 * dim_customer: the latest version valid by the end of the as-of day, or the first version for a
 * customer known only later (events before the first known state join the first version, as in the
 * facts). A missing relationship counts as non_contractual: free buying is the default of the landing
 * contract.
 */
final class CustomerRelationships {

    static final String CONTRACTUAL = "contractual";
    static final String NON_CONTRACTUAL = "non_contractual";

    private CustomerRelationships() {}

    /** customer_id, relationship, known (a version valid by the as-of date exists). */
    static Dataset<Row> asOf(Dataset<Row> customersDf, LocalDate asOf) {
        var known = to_date(col("valid_from")).leq(lit(java.sql.Date.valueOf(asOf)));
        return customersDf
                .withColumn("known", known)
                .withColumn("order", struct(col("known"), when(known, col("version")).otherwise(col("version").multiply(-1))))
                .groupBy("customer_id")
                .agg(max_by(col("relationship"), col("order")).as("relationship"),
                        org.apache.spark.sql.functions.max(col("known")).as("known"))
                .withColumn("relationship", when(coalesce(col("relationship"), lit(NON_CONTRACTUAL)).equalTo(CONTRACTUAL),
                        lit(CONTRACTUAL)).otherwise(lit(NON_CONTRACTUAL)));
    }
}
