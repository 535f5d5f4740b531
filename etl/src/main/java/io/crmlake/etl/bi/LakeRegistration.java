package io.crmlake.etl.bi;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.DeltaDdl;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Registers the lake's gold tables, marts and ops tables as external Delta tables of the
 * {@code crmlake} database, so that BI tools find them by name with their columns and comments.
 * Repeatable: a table registered with the schema its Delta log has now is left alone, a table
 * whose schema or location changed is registered again (metadata only; external tables keep
 * their files), a table that appeared since the last start is added, and a registration whose
 * table is gone is removed.
 */
public final class LakeRegistration {

    /** The layers BI users see; bronze and silver are the pipeline's business. */
    public static final Set<Layer> SERVED = EnumSet.of(Layer.GOLD, Layer.MART, Layer.OPS);

    public record Outcome(List<String> added, List<String> updated, List<String> unchanged, List<String> removed) {
        public int served() {
            return added.size() + updated.size() + unchanged.size();
        }
    }

    private final SparkSession spark;
    private final LakeTables lake;
    private final String database;

    public LakeRegistration(SparkSession spark, LakeTables lake, String database) {
        this.spark = spark;
        this.lake = lake;
        this.database = database;
    }

    public Outcome register(Consumer<String> progress) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + DeltaDdl.quote(database)
                + " COMMENT 'crmlake lakehouse: gold star schema, marts and pipeline records (read-only)'");
        SessionCatalog catalog = spark.sessionState().catalog();
        Set<String> registered = new TreeSet<>();
        for (TableIdentifier id : JavaConverters.seqAsJavaList(catalog.listTables(database))) {
            registered.add(id.table());
        }
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> served = new TreeSet<>();
        for (Table table : Catalog.get().tables()) {
            if (!SERVED.contains(table.layer()) || !lake.exists(table.name())) {
                continue;
            }
            served.add(table.name());
            TableIdentifier id = identifier(table.name());
            String location = lake.location(table.name());
            if (!registered.contains(table.name())) {
                create(table, location);
                added.add(table.name());
            } else if (current(metadata(catalog, id), location)) {
                unchanged.add(table.name());
            } else {
                catalog.dropTable(id, true, false);
                create(table, location);
                updated.add(table.name());
            }
        }
        for (String name : registered) {
            if (!served.contains(name)) {
                catalog.dropTable(identifier(name), true, false);
                removed.add(name);
            }
        }
        Outcome outcome = new Outcome(added, updated, unchanged, removed);
        progress.accept(String.format("registered %d tables in database %s: %d new, %d updated, %d unchanged, %d removed%s",
                outcome.served(), database, added.size(), updated.size(), unchanged.size(), removed.size(),
                added.isEmpty() && updated.isEmpty() ? "" : " (" + String.join(", ", concat(added, updated)) + ")"));
        return outcome;
    }

    private void create(Table table, String location) {
        // No column list: Delta takes the schema, with the column comments, from its log and,
        // with spark.databricks.delta.catalog.update.enabled, writes it into the metastore.
        spark.sql("CREATE TABLE " + DeltaDdl.quote(database) + "." + DeltaDdl.quote(table.name())
                + " USING DELTA LOCATION " + DeltaDdl.literal(location)
                + " COMMENT " + DeltaDdl.literal(table.comment()));
    }

    /** Registered with today's Delta schema (names, types, comments) at the same place. */
    private boolean current(CatalogTable registered, String location) {
        StructType delta = spark.read().format("delta").load(location).schema();
        return registered.schema().equals(delta) && sameLocation(registered.location(), location);
    }

    /** The metastore keeps file:/x for a local /x. */
    static boolean sameLocation(java.net.URI registered, String location) {
        java.net.URI wanted = new Path(location).toUri();
        String registeredScheme = registered.getScheme() == null ? "file" : registered.getScheme();
        String wantedScheme = wanted.getScheme() == null ? "file" : wanted.getScheme();
        return registeredScheme.equals(wantedScheme)
                && java.util.Objects.equals(registered.getAuthority(), wanted.getAuthority())
                && new Path(registered.getPath()).equals(new Path(wanted.getPath()));
    }

    private static CatalogTable metadata(SessionCatalog catalog, TableIdentifier id) {
        try {
            return catalog.getTableMetadata(id);
        } catch (org.apache.spark.sql.AnalysisException e) {
            throw new IllegalStateException("table " + id + " was listed by the metastore but cannot be read from it", e);
        }
    }

    private TableIdentifier identifier(String name) {
        return TableIdentifier.apply(name, Option.apply(database));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
