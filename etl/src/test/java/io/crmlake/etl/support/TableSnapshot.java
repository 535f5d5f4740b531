package io.crmlake.etl.support;

import io.crmlake.etl.spark.LakeTables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A table's content as sorted text rows, to compare two lakes (or one lake before and after). */
public final class TableSnapshot {

    private TableSnapshot() {}

    /** Sorted rows of the table, without the given columns (e.g. load timestamps). */
    public static List<String> rows(LakeTables tables, String table, String... without) {
        Dataset<Row> frame = tables.read(table).drop(without);
        return frame.collectAsList().stream()
                .map(r -> r.toString())
                .sorted()
                .toList();
    }

    public static String[] columns(LakeTables tables, String table) {
        return Arrays.stream(tables.read(table).columns()).toArray(String[]::new);
    }
}
