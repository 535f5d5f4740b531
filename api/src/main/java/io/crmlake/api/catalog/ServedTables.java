package io.crmlake.api.catalog;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables the service may read, with their columns: every gold table and mart of the
 * warehouse catalog, plus the two ops tables the status page shows. Every identifier in the
 * SQL the service writes comes from here, never from a request.
 */
public final class ServedTables {

    static final List<String> OPS_TABLES = List.of("ops_batch_log", "ops_quarantine");

    private final Map<String, Table> tables;

    public ServedTables(List<Table> tables) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        this.tables = Collections.unmodifiableMap(byName);
    }

    public static ServedTables from(Catalog catalog) {
        return new ServedTables(catalog.tables().stream().filter(ServedTables::isServed).toList());
    }

    public static boolean isServed(Table table) {
        return table.layer() == Layer.GOLD || table.layer() == Layer.MART || OPS_TABLES.contains(table.name());
    }

    public List<Table> all() {
        return List.copyOf(tables.values());
    }

    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}
