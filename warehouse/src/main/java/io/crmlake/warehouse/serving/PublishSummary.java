package io.crmlake.warehouse.serving;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What one publish wrote: the catalog file, its size, and one line per table. */
public record PublishSummary(Path file, Instant publishedAt, long fileBytes, List<Entry> tables) {

    /** One published table: rows as DuckDB counts them, the Delta version, table or view. */
    public record Entry(String table, String layer, long deltaVersion, long rows, PublishedTable.Storage storage) {}

    public PublishSummary {
        tables = List.copyOf(tables);
    }

    public long rows() {
        return tables.stream().mapToLong(Entry::rows).sum();
    }
}
