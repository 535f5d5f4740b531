package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Surrogate keys and key resolution. Keys are hashes of the natural key (and, for the SCD2
 * customer, of the version start), so a re-run or a rebuild after a crash produces the same keys
 * and the tables converge. -1 is every dimension's unknown member.
 */
public final class Keys {

    public static final long UNKNOWN = -1L;
    /** Far-future end of the current customer version (Kimball's convention). */
    public static final String END_OF_TIME = "9999-12-31 00:00:00";

    private Keys() {}

    /** xxhash64 of the natural key, or -1 when it is null. */
    public static Column surrogate(String entity, Column naturalKey) {
        return when(naturalKey.isNull(), lit(UNKNOWN)).otherwise(xxhash64(lit(entity), naturalKey));
    }

    /**
     * Looks up {@code idColumn} in a type-1 dimension; ids the dimension does not hold get -1.
     * The dimension is small and broadcast.
     */
    public static Dataset<Row> resolve(Dataset<Row> facts, Dataset<Row> dimension, String idColumn,
                                       String dimIdColumn, String skColumn) {
        Dataset<Row> keys = functions.broadcast(dimension.select(col(dimIdColumn).as("_dim_id"), col(skColumn).as("_dim_sk")));
        return facts.join(keys, facts.col(idColumn).equalTo(keys.col("_dim_id")), "left")
                .withColumn(skColumn, functions.coalesce(col("_dim_sk"), lit(UNKNOWN)))
                .drop("_dim_id", "_dim_sk");
    }

    /**
     * Joins each event to the customer version valid at {@code tsColumn}. An event before the
     * customer's first known state joins the first version; the result has the version's
     * columns prefixed {@code v_} and customer_sk (-1 if the customer is not in the dimension).
     */
    public static Dataset<Row> customerAsOf(Dataset<Row> events, Dataset<Row> dimCustomer, String tsColumn,
                                            String... versionColumns) {
        Dataset<Row> versions = dimCustomer.select(versionSelection(versionColumns));
        Column at = events.col(tsColumn);
        Column match = events.col("customer_id").equalTo(versions.col("v_customer_id"))
                .and(at.geq(versions.col("v_valid_from")).or(versions.col("v_version").equalTo(1)))
                .and(at.lt(versions.col("v_valid_to")));
        return events.join(versions, match, "left")
                .withColumn("customer_sk", functions.coalesce(col("v_customer_sk"), lit(UNKNOWN)))
                .drop("v_customer_id", "v_valid_from", "v_valid_to", "v_version", "v_customer_sk");
    }

    private static Column[] versionSelection(String... extra) {
        Column[] cols = new Column[5 + extra.length];
        cols[0] = col("customer_id").as("v_customer_id");
        cols[1] = col("valid_from").as("v_valid_from");
        cols[2] = col("valid_to").as("v_valid_to");
        cols[3] = col("version").as("v_version");
        cols[4] = col("customer_sk").as("v_customer_sk");
        for (int i = 0; i < extra.length; i++) {
            cols[5 + i] = col(extra[i]).as("v_" + extra[i]);
        }
        return cols;
    }

    /** yyyymm of a timestamp or date in the session (business) time zone. */
    public static Column monthKey(Column tsOrDate) {
        return functions.year(tsOrDate).multiply(100).plus(functions.month(tsOrDate));
    }

    /** yyyymmdd of a timestamp or date in the session (business) time zone. */
    public static Column dateKey(Column tsOrDate) {
        return functions.year(tsOrDate).multiply(10000)
                .plus(functions.month(tsOrDate).multiply(100))
                .plus(functions.dayofmonth(tsOrDate));
    }
}
