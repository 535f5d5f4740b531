package io.crmlake.warehouse.serving;

import io.crmlake.warehouse.catalog.Table;
import java.util.List;
import java.util.Objects;

/**
 * One catalog table as publish hands it to the serving catalog: the Parquet data files of the
 * table's current Delta snapshot (absolute local paths, resolved through the Delta log, never a
 * folder glob), the Delta version they belong to, and whether the catalog copies the rows in
 * ({@link Storage#TABLE}) or keeps a view over the files ({@link Storage#VIEW}).
 * For a partitioned table the partition values are read from the hive-style folder names
 * ({@code month_key=202401/…}) and cast back to the catalog types; publish hands files over this
 * way only when those names agree with the partition values the Delta log records for each file.
 * No files (a table not created yet, or an empty one) publishes an empty table with the catalog's
 * columns.
 */
public record PublishedTable(Table table, List<String> parquetFiles, long deltaVersion, Storage storage) {

    public enum Storage { TABLE, VIEW }

    /** The folder name Spark (and Hive) give a null partition value: {@code month_key=__HIVE_DEFAULT_PARTITION__}. */
    public static final String HIVE_NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    public PublishedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(storage, "storage");
        parquetFiles = List.copyOf(parquetFiles);
    }

    /** A table that does not exist in the lake yet: published empty, version -1. */
    public static PublishedTable absent(Table table) {
        return new PublishedTable(table, List.of(), -1, Storage.TABLE);
    }

    public String name() {
        return table.name();
    }
}
