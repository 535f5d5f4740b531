package io.crmlake.etl.marts.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.when;

import io.crmlake.warehouse.rules.Band;
import io.crmlake.warehouse.rules.BandScheme;
import io.crmlake.warehouse.rules.Bound;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** CLV decile (1 = top 10 %) and value band (clv.yml) of every customer with a CLV. */
final class ValueRanking {

    private ValueRanking() {}

    static Dataset<Row> ranked(Dataset<Row> valuesDf, BandScheme bands) {
        Column clv = col("clv");
        // Ties broken by customer id, so a re-run gives every customer the same decile.
        var byValue = Window.partitionBy(clv.isNull()).orderBy(clv.desc(), col("customer_id"));
        return valuesDf
                .withColumn("clv_decile", when(clv.isNotNull(), ntile(10).over(byValue)))
                .withColumn("value_band", band(clv, bands));
    }

    /** The band whose bounds hold the value, as a column (null for a null value), first match wins. */
    static Column band(Column value, BandScheme bands) {
        Column result = lit(null).cast("string");
        for (int i = bands.bands().size() - 1; i >= 0; i--) {
            Band b = bands.bands().get(i);
            Column inside = value.isNotNull();
            if (b.lower() != null) {
                inside = inside.and(lower(value, b.lower()));
            }
            if (b.upper() != null) {
                inside = inside.and(upper(value, b.upper()));
            }
            result = when(inside, lit(b.id())).otherwise(result);
        }
        return result;
    }

    private static Column lower(Column value, Bound bound) {
        double v = bound.value().doubleValue();
        return bound.inclusive() ? value.geq(v) : value.gt(v);
    }

    private static Column upper(Column value, Bound bound) {
        double v = bound.value().doubleValue();
        return bound.inclusive() ? value.leq(v) : value.lt(v);
    }
}
