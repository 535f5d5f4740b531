package io.crmlake.etl.marts.migration;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The monthly measures a band or pareto scheme of segments.yml may name, as columns of
 * fact_customer_month. ARPU is the revenue billed on the customer's accounts in the month; a
 * customer without billed accounts (a retail buyer) has their transaction revenue as ARPU.
 */
public final class MonthMeasures {

    public static final List<String> NAMES = List.of("arpu", "revenue", "margin", "orders");

    private MonthMeasures() {}

    public static Column of(String measure) {
        return switch (measure) {
            case "arpu" -> when(col("account_revenue").notEqual(0), col("account_revenue"))
                    .otherwise(col("revenue")).cast("decimal(18,2)");
            case "revenue" -> col("revenue").cast("decimal(18,2)");
            case "margin" -> col("margin").cast("decimal(18,2)");
            case "orders" -> col("orders").cast("decimal(18,2)");
            default -> throw unknown(measure, "the scheme");
        };
    }

    static IllegalArgumentException unknown(String measure, String where) {
        return new IllegalArgumentException("segments.yml: " + where + " uses measure '" + measure
                + "', which crmlake does not compute per month; expected one of " + NAMES + " (fix the rules file)");
    }
}
