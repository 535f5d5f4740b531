package io.crmlake.etl.spark;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DeltaDdl;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.lake.LakePaths;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The lake's Delta tables as the catalog defines them: created on first use from the catalog's
 * DDL (comments, NOT NULL, partitioning), read, and written only in the catalog's column order.
 */
public final class LakeTables {

    private final SparkSession spark;
    private final LakePaths paths;
    private final Catalog catalog;
    /** Tables known to exist, so that reads do not check the Delta log again and again. */
    private final java.util.Set<String> existing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public LakeTables(SparkSession spark, LakePaths paths) {
        this.spark = spark;
        this.paths = paths;
        this.catalog = Catalog.get();
    }

    public SparkSession spark() {
        return spark;
    }

    public LakePaths paths() {
        return paths;
    }

    public Table table(String name) {
        return catalog.table(name);
    }

    public String location(String name) {
        return paths.table(catalog.table(name));
    }

    public boolean exists(String name) {
        if (existing.contains(name)) {
            return true;
        }
        boolean found = DeltaTable.isDeltaTable(spark, location(name));
        if (found) {
            addColumnsTheCatalogGained(catalog.table(name));
            enableDeletionVectorsTheLayerWants(catalog.table(name));
            existing.add(name);
        }
        return found;
    }

    /**
     * A lake written by an older crmlake may lack nullable columns a newer catalog added (for
     * example ops_batch_log.file_fingerprint): add them in place, so an upgrade needs no rebuild.
     * Removing or retyping a column is not done silently; that needs a documented migration.
     */
    private void addColumnsTheCatalogGained(Table table) {
        String location = paths.table(table);
        Set<String> present = new HashSet<>(Arrays.asList(spark.read().format("delta").load(location).schema().fieldNames()));
        List<Column> missing = table.columns().stream().filter(c -> !present.contains(c.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (missing.stream().anyMatch(c -> !c.nullable())) {
            throw new IllegalStateException("table " + table.name() + " at " + location + " lacks the NOT NULL column(s) "
                    + missing.stream().filter(c -> !c.nullable()).map(Column::name).toList()
                    + " of this crmlake version; rebuild it (see docs/operations.md, \"Upgrading\")");
        }
        spark.sql(DeltaDdl.addColumns(DeltaDdl.pathTarget(location), missing));
    }

    /**
     * A silver table written before silver kept deletion vectors gets them turned on in place
     * (a protocol upgrade, one commit), so that its next MERGE no longer rewrites whole files.
     */
    private void enableDeletionVectorsTheLayerWants(Table table) {
        if (!table.layer().deletionVectors()) {
            return;
        }
        String location = paths.table(table);
        // SHOW TBLPROPERTIES reads the table's metadata only; DESCRIBE DETAIL would also list
        // every data file (numFiles, sizeInBytes), a Spark job per table on every command.
        List<Row> property = spark.sql("SHOW TBLPROPERTIES " + DeltaDdl.pathTarget(location)
                + " (" + DeltaDdl.literal(DeltaDdl.DELETION_VECTORS) + ")").collectAsList();
        if (property.isEmpty() || !"true".equals(property.get(0).getString(1))) {
            spark.sql(DeltaDdl.enableDeletionVectors(DeltaDdl.pathTarget(location)));
        }
    }

    /** Creates the table from the catalog when it does not exist yet; repeatable. */
    public DeltaTable ensure(String name) {
        Table table = catalog.table(name);
        String location = paths.table(table);
        if (!exists(name)) {
            spark.sql(DeltaDdl.createTable(table, DeltaDdl.pathTarget(location)));
            existing.add(name);
        }
        return DeltaTable.forPath(spark, location);
    }

    /**
     * Creates each named table that has no Delta log yet. A table that has one is not opened
     * here: opening replays its log, which a monthly build should not spend on the many tables
     * it does not touch; its first real use opens it (and adds the columns the catalog gained).
     */
    public void createMissing(List<String> names) {
        for (String name : names) {
            if (!existing.contains(name) && !hasCommits(name)) {
                ensure(name);
            }
        }
    }

    /** Whether the table's _delta_log holds a commit or checkpoint file (named by a 20-digit version). */
    private boolean hasCommits(String name) {
        return logFiles(name).stream().anyMatch(f -> VERSION_FILE.matcher(f).matches());
    }

    /** The names in the table's _delta_log folder; empty when it has none. */
    private List<String> logFiles(String name) {
        Path log = new Path(location(name), "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(spark.sessionState().newHadoopConf());
            if (!fs.exists(log)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(log)).map(f -> f.getPath().getName()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + log + ": " + e.getMessage(), e);
        }
    }

    private static final Pattern VERSION_FILE = Pattern.compile("\\d{20}\\..+");
    private static final Pattern COMMIT_FILE = Pattern.compile("(\\d{20})\\.json");

    public Dataset<Row> read(String name) {
        if (!exists(name)) {
            ensure(name);
        }
        return spark.read().format("delta").load(location(name));
    }

    /** Projects a frame onto the table's columns, in catalog order, cast to the catalog types. */
    public Dataset<Row> conform(String name, Dataset<Row> frame) {
        Table table = catalog.table(name);
        List<org.apache.spark.sql.Column> cols = table.columns().stream()
                .map(c -> functions.col(c.name()).cast(c.type().sparkSql()).as(c.name()))
                .toList();
        return frame.select(cols.toArray(org.apache.spark.sql.Column[]::new));
    }

    /** Atomically replaces the rows matching {@code predicate} with {@code frame} (idempotent re-runs). */
    public void replaceWhere(String name, Dataset<Row> frame, String predicate) {
        ensure(name);
        conform(name, frame).write().format("delta").mode("overwrite")
                .option("replaceWhere", predicate)
                .save(location(name));
    }

    /** Replaces the whole table content (small dimensions). */
    public void overwrite(String name, Dataset<Row> frame) {
        ensure(name);
        conform(name, frame).write().format("delta").mode("overwrite").save(location(name));
    }

    public void append(String name, Dataset<Row> frame) {
        ensure(name);
        conform(name, frame).write().format("delta").mode("append").save(location(name));
    }

    /**
     * MERGE on the table's key: matched rows are updated, new rows inserted. The source must be
     * unique on the key.
     */
    public void upsert(String name, Dataset<Row> source) {
        Table table = catalog.table(name);
        DeltaTable target = ensure(name);
        String on = table.key().stream()
                .map(k -> "t." + DeltaDdl.quote(k) + " = s." + DeltaDdl.quote(k))
                .reduce((a, b) -> a + " AND " + b)
                .orElseThrow(() -> new IllegalStateException(name + " has no key to merge on"));
        target.as("t")
                .merge(conform(name, source).as("s"), on)
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();
    }

    /**
     * The table's latest version: the highest commit file in its _delta_log, as Delta itself finds
     * it. One listing, where DESCRIBE HISTORY would run a Spark job per table (status lists them all).
     */
    public long version(String name) {
        ensure(name);
        return logFiles(name).stream().map(COMMIT_FILE::matcher).filter(Matcher::matches)
                .mapToLong(m -> Long.parseLong(m.group(1))).max()
                .orElseThrow(() -> new IllegalStateException(location(name) + "/_delta_log holds no commit"));
    }

    static List<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }

}
