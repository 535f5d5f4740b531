package io.crmlake.warehouse.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.Require;
import io.crmlake.warehouse.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Every table of the lake, once. Loaded from {@code catalog/landing.yml} (the landing contract,
 * from which the bronze tables are derived), {@code catalog/tables.yml} (gold and the pipeline's
 * own ops tables) and one {@code catalog/marts/<analysis>.yml} per analysis. The Delta DDL, the data dictionary, the BI comments and
 * the API's column lists are all generated from here.
 */
public final class Catalog {

    /** Lineage columns every bronze row carries. */
    public static final List<Column> LINEAGE = List.of(
            Column.of("_batch_id", DataType.STRING, false, "Landing batch the row came from"),
            Column.of("_source_file", DataType.STRING, false, "File the row came from, relative to the landing root"),
            Column.of("_row_number", DataType.BIGINT, false, "Line of the row in its file (1 = header for CSV)"),
            Column.of("_loaded_at", DataType.TIMESTAMP, false, "When the row was loaded into bronze"));

    /**
     * One file per analysis, so that each mart's columns sit beside its siblings and not in one
     * long list. Listed here (not discovered) because resource folders cannot be listed inside
     * a jar; the order is the order of the data dictionary.
     */
    static final List<String> MART_FILES = List.of(
            "catalog/marts/clv.yml",
            "catalog/marts/migration.yml",
            "catalog/marts/contribution.yml",
            "catalog/marts/kpi.yml",
            "catalog/marts/warnings.yml",
            "catalog/marts/channel.yml");

    private static final Catalog DEFAULT = load();

    private final Map<String, LandingEntity> landing;
    private final Map<String, Table> tables;

    private Catalog(List<LandingEntity> landing, List<Table> tables) {
        Map<String, LandingEntity> l = new LinkedHashMap<>();
        landing.forEach(e -> l.put(e.name(), e));
        Map<String, Table> t = new LinkedHashMap<>();
        for (LandingEntity e : landing) {
            t.put(e.bronzeTable(), bronzeTable(e));
        }
        for (LandingEntity e : landing) {
            t.put(e.silverTable(), silverTable(e));
        }
        for (Table table : tables) {
            if (t.put(table.name(), table) != null) {
                throw new IllegalStateException("catalog defines table " + table.name() + " twice");
            }
        }
        this.landing = Collections.unmodifiableMap(l);
        this.tables = Collections.unmodifiableMap(t);
    }

    /** The catalog shipped with this build. */
    public static Catalog get() {
        return DEFAULT;
    }

    static Catalog load() {
        LandingDocument landing = YamlDocuments.readResource("catalog/landing.yml", LandingDocument.class);
        List<Table> tables = new ArrayList<>(
                YamlDocuments.readResource("catalog/tables.yml", TablesDocument.class).tables());
        for (String marts : MART_FILES) {
            if (Catalog.class.getClassLoader().getResource(marts) != null) {
                tables.addAll(YamlDocuments.readResource(marts, TablesDocument.class).tables());
            }
        }
        return new Catalog(landing.entities(), tables);
    }

    public List<LandingEntity> landingEntities() {
        return List.copyOf(landing.values());
    }

    public LandingEntity landing(String entity) {
        LandingEntity e = landing.get(entity);
        if (e == null) {
            throw new NoSuchElementException("unknown landing entity '" + entity + "'; known: " + landing.keySet());
        }
        return e;
    }

    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    public List<Table> tables(Layer layer) {
        return tables.values().stream().filter(t -> t.layer() == layer).toList();
    }

    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Table table(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("unknown table '" + name + "'"));
    }

    private static Table bronzeTable(LandingEntity e) {
        List<Column> columns = new ArrayList<>();
        for (Column f : e.fields()) {
            // Bronze keeps the contract's nullability: required fields are never null there.
            columns.add(new Column(f.name(), f.type().stored(), f.nullable(), f.comment(), List.of()));
        }
        columns.addAll(LINEAGE);
        return new Table(e.bronzeTable(), Layer.BRONZE,
                "Validated " + e.name() + " rows as delivered, append-only, with lineage. " + e.comment(),
                columns, List.of("_source_file", "_row_number"), List.of("_batch_id"));
    }

    private static Table silverTable(LandingEntity e) {
        List<Column> columns = new ArrayList<>();
        for (Column f : e.fields()) {
            columns.add(new Column(f.name(), f.type().stored(), f.nullable(), f.comment(), List.of()));
        }
        columns.addAll(LINEAGE.subList(0, 3));
        return new Table(e.silverTable(), Layer.SILVER,
                "Latest delivered version of each " + String.join(", ", e.key())
                        + " (a later batch corrects an earlier one). " + e.comment(),
                columns, e.key(), List.of());
    }

    record LandingDocument(List<LandingEntity> entities) {
        @JsonCreator
        LandingDocument(@JsonProperty("entities") List<LandingEntity> entities) {
            this.entities = Require.nonEmpty(entities, "entities");
        }
    }

    record TablesDocument(List<Table> tables) {
        @JsonCreator
        TablesDocument(@JsonProperty("tables") List<Table> tables) {
            this.tables = Require.nonEmpty(tables, "tables");
        }
    }
}
