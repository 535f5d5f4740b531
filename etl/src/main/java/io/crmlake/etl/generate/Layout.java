package io.crmlake.etl.generate;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column order of one landing entity, taken from the contract (the catalog), never restated here. */
final class Layout {

    private static final Map<String, Layout> CACHE = new HashMap<>();

    final LandingEntity entity;
    final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();

    private Layout(LandingEntity entity) {
        this.entity = entity;
        this.header = entity.fieldNames();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    static synchronized Layout of(String entity) {
        return CACHE.computeIfAbsent(entity, e -> new Layout(Catalog.get().landing(e)));
    }

    String name() {
        return entity.name();
    }

    int index(String field) {
        Integer i = index.get(field);
        if (i == null) {
            throw new IllegalArgumentException(entity.name() + " has no field '" + field + "'");
        }
        return i;
    }

    int width() {
        return header.size();
    }

    /** A new empty row that sorts at {@code ts} (epoch seconds; 0 for reference rows). */
    Row row(long ts) {
        return new Row(this, ts, new String[header.size()]);
    }
}
