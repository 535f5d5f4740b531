package io.crmlake.etl.publish;

import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishedTable.Storage;

/**
 * Which tables the serving catalog copies and which it reads in place. The facts are the lake's
 * big tables (one row per transaction, touchpoint, account-month, customer-month): copying them
 * would double the disk they take and the publish time, and their queries (a customer's history,
 * a month's slice) prune well on the Parquet files' month folders and row-group statistics. So
 * they are views over the Delta table's current files. Marts, dimensions and the ops tables are
 * small and queried all the time by the service: copied, so a query never touches the lake.
 * See docs/operations.md, "Serving catalog".
 */
final class ServingStorage {

    private ServingStorage() {}

    static Storage of(Table table) {
        return table.layer() == Layer.GOLD && table.name().startsWith("fact_") ? Storage.VIEW : Storage.TABLE;
    }
}
