package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.crmlake.etl.spark.LakeTables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The type-1 dimensions from their silver reference tables, each with the unknown member -1,
 * so that a business that delivers no reference data still gets working joins.
 */
final class ReferenceDimensions {

    private ReferenceDimensions() {}

    /**
     * Rebuilds each dimension whose source entity has pending batches, and any that is still
     * empty (a first build must create the unknown member even when nothing was delivered).
     * A monthly build that brings only customers and facts leaves them alone.
     */
    static void build(LakeTables tables, Set<String> pendingEntities) {
        when(tables, pendingEntities, "products", "dim_product", () -> product(tables));
        when(tables, pendingEntities, "channels", "dim_channel", () -> channel(tables));
        when(tables, pendingEntities, "staff", "dim_staff", () -> staff(tables));
        when(tables, pendingEntities, "campaigns", "dim_campaign", () -> campaign(tables));
        when(tables, pendingEntities, "org_units", "dim_org_unit", () -> OrgUnitDimension.build(tables));
    }

    private static void when(LakeTables tables, Set<String> pendingEntities, String entity, String dim, Runnable build) {
        if (pendingEntities.contains(entity) || tables.read(dim).isEmpty()) {
            build.run();
        }
    }

    private static void product(LakeTables tables) {
        Dataset<Row> rows = tables.read("silver_products")
                .withColumn("product_sk", Keys.surrogate("product", col("product_id")))
                .withColumn("category", coalesce(col("category"), lit("unknown")))
                .withColumn("is_contract", coalesce(col("is_contract"), lit(false)));
        upsertWithUnknown(tables, "dim_product", rows, Map.of(
                "product_id", "unknown", "name", "unknown", "category", "unknown", "is_contract", false));
    }

    private static void channel(LakeTables tables) {
        Dataset<Row> rows = tables.read("silver_channels")
                .withColumn("channel_sk", Keys.surrogate("channel", col("channel_id")))
                .withColumn("channel_type", coalesce(col("channel_type"), lit("unknown")));
        upsertWithUnknown(tables, "dim_channel", rows, Map.of(
                "channel_id", "unknown", "name", "unknown", "channel_type", "unknown"));
    }

    private static void staff(LakeTables tables) {
        Dataset<Row> rows = tables.read("silver_staff")
                .withColumn("staff_sk", Keys.surrogate("staff", col("staff_id")));
        upsertWithUnknown(tables, "dim_staff", rows, Map.of("staff_id", "unknown", "name", "unknown"));
    }

    private static void campaign(LakeTables tables) {
        Dataset<Row> rows = tables.read("silver_campaigns")
                .withColumn("campaign_sk", Keys.surrogate("campaign", col("campaign_id")))
                .withColumn("has_control_group", coalesce(col("has_control_group"), lit(false)));
        upsertWithUnknown(tables, "dim_campaign", rows, Map.of(
                "campaign_id", "unknown", "name", "unknown", "has_control_group", false));
    }

    /** Merges the rows plus the unknown member (key -1, the given values, nulls elsewhere). */
    static void upsertWithUnknown(LakeTables tables, String dim, Dataset<Row> rows, Map<String, Object> unknown) {
        List<String> columns = tables.table(dim).columnNames();
        Object[] values = new Object[columns.size()];
        values[0] = Keys.UNKNOWN;
        for (int i = 1; i < columns.size(); i++) {
            values[i] = unknown.get(columns.get(i));
        }
        Dataset<Row> dimRows = tables.conform(dim, rows);
        Dataset<Row> unknownRow = tables.spark().createDataFrame(List.of(RowFactory.create(values)), dimRows.schema());
        tables.upsert(dim, dimRows.unionByName(unknownRow));
    }
}
