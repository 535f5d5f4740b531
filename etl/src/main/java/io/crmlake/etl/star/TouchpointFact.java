package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.spark.LakeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * fact_touchpoint: contacts with keys resolved as of the contact time. consent_ok checks the
 * channel against the consent the customer had then (sms, phone, email carry a flag; other
 * channels need none), which the care analyses use to show that consent was respected.
 */
final class TouchpointFact {

    private TouchpointFact() {}

    static void apply(LakeTables tables, PendingRows pendingRows, Dataset<Row> affectedCustomers) {
        Dataset<Row> rows = EventFacts.changedRows(tables, "silver_touchpoints", "touchpoint_id", "ts",
                pendingRows, affectedCustomers);
        Dataset<Row> facts = Keys.customerAsOf(rows, tables.read("dim_customer"), "ts",
                        "consent_sms", "consent_phone", "consent_email")
                .transform(f -> Keys.resolve(f, tables.read("dim_campaign"), "campaign_id", "campaign_id", "campaign_sk"))
                .transform(f -> Keys.resolve(f, tables.read("dim_staff"), "staff_id", "staff_id", "staff_sk"))
                .withColumn("month_key", Keys.monthKey(col("ts")))
                .withColumn("date_key", Keys.dateKey(col("ts")))
                .withColumn("is_success", coalesce(col("outcome").isin("reached", "responded", "converted"), lit(false)))
                .withColumn("cost", coalesce(col("cost"), lit(0)))
                .withColumn("is_control", coalesce(col("is_control"), lit(false)))
                .withColumn("consent_ok", coalesce(
                        when(col("channel").equalTo("sms"), col("v_consent_sms"))
                                .when(col("channel").equalTo("phone"), col("v_consent_phone"))
                                .when(col("channel").equalTo("email"), col("v_consent_email"))
                                .otherwise(lit(true)),
                        lit(false)));
        tables.upsert("fact_touchpoint", facts);
    }
}
