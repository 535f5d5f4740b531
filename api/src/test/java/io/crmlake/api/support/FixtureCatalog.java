package io.crmlake.api.support;

import io.crmlake.api.catalog.ServedTables;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishedTable;
import io.crmlake.warehouse.serving.ServingCatalogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A real published catalog for the service's tests: a few rows per table written to Parquet
 * with DuckDB ({@code COPY … TO}), then published by the warehouse's ServingCatalogWriter, as
 * the pipeline does. Columns a row does not give are null (or a filler when NOT NULL).
 */
public final class FixtureCatalog {

    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    public FixtureCatalog rows(String table, List<Map<String, Object>> tableRows) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(tableRows);
        return this;
    }

    /** Publishes every served table (empty when no rows were given) into {@code servingDir}. */
    public void publish(Path servingDir, ServedTables tables, Instant publishedAt) {
        try {
            Path parquet = Files.createDirectories(servingDir.resolveSibling("fixture-parquet").resolve(UUID.randomUUID().toString()));
            List<PublishedTable> published = new ArrayList<>();
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                for (Table t : tables.all()) {
                    List<Map<String, Object>> given = rows.getOrDefault(t.name(), List.of());
                    if (given.isEmpty()) {
                        published.add(PublishedTable.absent(t));
                    } else {
                        Path file = parquet.resolve(t.name() + ".parquet");
                        writeParquet(duck, t, given, file);
                        published.add(new PublishedTable(t, List.of(file.toString()), 1, PublishedTable.Storage.TABLE));
                    }
                }
            }
            for (String name : rows.keySet()) {
                if (tables.find(name).isEmpty()) {
                    throw new IllegalArgumentException("fixture rows for unknown table " + name);
                }
            }
            ServingCatalogWriter.publish(servingDir, published, publishedAt);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the fixture catalog: " + e.getMessage(), e);
        }
    }

    /** A value for a NOT NULL column the test does not care about. */
    private static String filler(Column column) {
        return switch (column.type().stored().kind()) {
            case STRING -> "-";
            case BOOLEAN -> "false";
            case DATE -> "2024-01-01";
            case TIMESTAMP -> "2024-01-01T00:00:00Z";
            default -> "0";
        };
    }

    private static void writeParquet(Connection duck, Table t, List<Map<String, Object>> given, Path file) throws SQLException {
        String staging = "\"fixture_" + t.name() + "\"";
        try (Statement s = duck.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + staging);
            s.execute(t.columns().stream().map(c -> "\"" + c.name() + "\" " + c.type().duckDb())
                    .collect(Collectors.joining(", ", "CREATE TABLE " + staging + " (", ")")));
        }
        String insert = t.columns().stream().map(c -> "CAST(? AS " + c.type().duckDb() + ")")
                .collect(Collectors.joining(", ", "INSERT INTO " + staging + " VALUES (", ")"));
        try (PreparedStatement ps = duck.prepareStatement(insert)) {
            for (Map<String, Object> row : given) {
                for (String k : row.keySet()) {
                    if (t.column(k).isEmpty()) {
                        throw new IllegalArgumentException("fixture row for " + t.name() + " has unknown column " + k);
                    }
                }
                List<Column> columns = t.columns();
                for (int i = 0; i < columns.size(); i++) {
                    Object v = row.get(columns.get(i).name());
                    if (v == null && !columns.get(i).nullable()) {
                        v = filler(columns.get(i));
                    }
                    ps.setString(i + 1, v == null ? null : v.toString());
                }
                ps.execute();
            }
        }
        try (Statement s = duck.createStatement()) {
            s.execute("COPY " + staging + " TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
    }
}
