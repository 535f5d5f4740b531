package io.crmlake.warehouse.serving;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the serving catalog: a new DuckDB file {@code crmlake.duckdb.tmp-<uuid>} beside the
 * current one, every table with the catalog's columns, types and comments, the metadata table
 * {@code crmlake_publish}; then CHECKPOINT, close, and one atomic rename over
 * {@code crmlake.duckdb}. A reader with the old file open keeps its inode and its consistent
 * view; new connections see the new file; nobody ever sees a half-written catalog.
 */
public final class ServingCatalogWriter {

    static final String METADATA_TABLE = "crmlake_publish";
    /** A temporary file this old belongs to a publish that died; a running publish is never this slow. */
    private static final Duration STALE_TEMP = Duration.ofHours(6);

    private ServingCatalogWriter() {}

    public static PublishSummary publish(Path servingDir, List<PublishedTable> tables, Instant publishedAt) {
        Path target = servingDir.resolve(ServingCatalog.FILE_NAME);
        Path temp = servingDir.resolve(ServingCatalog.FILE_NAME + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(servingDir);
            removeStaleTemporaries(servingDir);
            List<PublishSummary.Entry> entries = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + temp)) {
                for (PublishedTable table : tables) {
                    entries.add(write(connection, table));
                }
                writeMetadata(connection, entries, publishedAt);
                execute(connection, "CHECKPOINT");
            }
            Files.deleteIfExists(Path.of(temp + ".wal"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new PublishSummary(target, publishedAt, Files.size(target), entries);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("could not write the serving catalog in " + servingDir + ": " + e.getMessage()
                    + "; check that the folder is writable and on a local disk", e);
        } catch (SQLException e) {
            deleteQuietly(temp);
            throw new IllegalStateException("could not write the serving catalog in " + servingDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static PublishSummary.Entry write(Connection connection, PublishedTable published) throws SQLException {
        Table table = published.table();
        String name = DuckSql.quote(table.name());
        PublishedTable.Storage storage = published.parquetFiles().isEmpty() ? PublishedTable.Storage.TABLE : published.storage();
        try {
            if (storage == PublishedTable.Storage.VIEW) {
                String select = new ParquetScan(published).select(connection);
                execute(connection, "CREATE VIEW " + name + " (" + ParquetScan.columnList(table.columns()) + ") AS\n" + select);
                execute(connection, "COMMENT ON VIEW " + name + " IS " + DuckSql.literal(table.comment()));
            } else {
                execute(connection, createTable(table));
                if (!published.parquetFiles().isEmpty()) {
                    execute(connection, "INSERT INTO " + name + "\n" + new ParquetScan(published).select(connection));
                }
                execute(connection, "COMMENT ON TABLE " + name + " IS " + DuckSql.literal(table.comment()));
            }
            for (Column c : table.columns()) {
                execute(connection, "COMMENT ON COLUMN " + name + "." + DuckSql.quote(c.name()) + " IS " + DuckSql.literal(c.comment()));
            }
            long rows = count(connection, name);
            return new PublishSummary.Entry(table.name(), table.layer().folder(), published.deltaVersion(), rows, storage);
        } catch (SQLException e) {
            throw new SQLException("table " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /** The catalog's DDL in DuckDB types; NOT NULL as in Delta, which enforced it already. */
    static String createTable(Table table) {
        return table.columns().stream()
                .map(c -> "  " + DuckSql.quote(c.name()) + " " + c.type().duckDb() + (c.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(",\n", "CREATE TABLE " + DuckSql.quote(table.name()) + " (\n", "\n)"));
    }

    private static void writeMetadata(Connection connection, List<PublishSummary.Entry> entries, Instant publishedAt)
            throws SQLException {
        execute(connection, "CREATE TABLE " + METADATA_TABLE + " (table_name VARCHAR NOT NULL, layer VARCHAR NOT NULL, "
                + "delta_version BIGINT NOT NULL, row_count BIGINT NOT NULL, storage VARCHAR NOT NULL, "
                + "published_at TIMESTAMPTZ NOT NULL)");
        execute(connection, "COMMENT ON TABLE " + METADATA_TABLE + " IS 'One row per table of this serving catalog: "
                + "the Delta version it was published from and when; the same published_at on every row of one publish'");
        String at = "CAST(" + DuckSql.literal(publishedAt.toString()) + " AS TIMESTAMPTZ)";
        for (PublishSummary.Entry e : entries) {
            execute(connection, "INSERT INTO " + METADATA_TABLE + " VALUES (" + DuckSql.literal(e.table()) + ", "
                    + DuckSql.literal(e.layer()) + ", " + e.deltaVersion() + ", " + e.rows() + ", "
                    + DuckSql.literal(e.storage().name().toLowerCase(java.util.Locale.ROOT)) + ", " + at + ")");
        }
        String[][] comments = {
                {"table_name", "Catalog name of the published table or view"},
                {"layer", "Lake layer: gold, mart or ops"},
                {"delta_version", "Delta table version the rows come from; -1 when the table did not exist yet (published empty)"},
                {"row_count", "Rows in the published table when it was published"},
                {"storage", "table = rows copied into this file; view = a view over the Delta table's Parquet files"},
                {"published_at", "When this catalog was published (one value per publish)"}};
        for (String[] c : comments) {
            execute(connection, "COMMENT ON COLUMN " + METADATA_TABLE + "." + c[0] + " IS " + DuckSql.literal(c[1]));
        }
    }

    private static long count(Connection connection, String quotedName) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quotedName)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static void removeStaleTemporaries(Path servingDir) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_TEMP);
        try (Stream<Path> files = Files.list(servingDir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(ServingCatalog.FILE_NAME + ".tmp-")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
            Files.deleteIfExists(Path.of(temp + ".wal"));
        } catch (IOException ignored) {
            // the stale-temporary sweep of the next publish removes it
        }
    }
}
