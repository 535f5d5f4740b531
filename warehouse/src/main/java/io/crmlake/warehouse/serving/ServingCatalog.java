package io.crmlake.warehouse.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One published version of the serving catalog, opened read-only. It pins the file it opened:
 * every {@link #connect()} shares that DuckDB instance, so its connections agree with
 * {@link #publishedAt()} even when a newer publish has been renamed over the file meanwhile.
 * To follow new publishes, open a new ServingCatalog (it opens the current file) and close the
 * old one once its connections are done. Several processes may hold it open at once.
 */
public final class ServingCatalog implements AutoCloseable {

    public static final String FILE_NAME = "crmlake.duckdb";

    private final Path file;
    private final DuckDBConnection pinned;
    private final Instant publishedAt;
    private final List<PublishSummary.Entry> tables;

    private ServingCatalog(Path file, DuckDBConnection pinned, Instant publishedAt, List<PublishSummary.Entry> tables) {
        this.file = file;
        this.pinned = pinned;
        this.publishedAt = publishedAt;
        this.tables = tables;
    }

    /** Opens the catalog published in {@code servingDir}; {@link MissingCatalogException} when there is none. */
    public static ServingCatalog open(Path servingDir) {
        Path file = servingDir.resolve(FILE_NAME).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new MissingCatalogException(file);
        }
        Properties props = new Properties();
        props.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        // A process-wide instance per path would hand a new open() the old, pinned file.
        props.setProperty(DuckDBDriver.JDBC_INSTANCE_CACHE, "false");
        DuckDBConnection pinned = null;
        try {
            pinned = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, props);
            List<PublishSummary.Entry> tables = new ArrayList<>();
            Instant publishedAt = null;
            try (Statement st = pinned.createStatement();
                 ResultSet rs = st.executeQuery("SELECT table_name, layer, delta_version, row_count, storage, published_at "
                         + "FROM " + ServingCatalogWriter.METADATA_TABLE + " ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(new PublishSummary.Entry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            PublishedTable.Storage.valueOf(rs.getString(5).toUpperCase(Locale.ROOT))));
                    publishedAt = rs.getObject(6, OffsetDateTime.class).toInstant();
                }
            }
            if (publishedAt == null) {
                throw new IllegalStateException("the serving catalog " + file + " lists no tables; run `crmlake publish` again");
            }
            return new ServingCatalog(file, pinned, publishedAt, Collections.unmodifiableList(tables));
        } catch (SQLException e) {
            closeQuietly(pinned);
            throw new IllegalStateException("cannot read the serving catalog " + file + ": " + e.getMessage()
                    + "; run `crmlake publish` to write it again", e);
        } catch (RuntimeException e) {
            closeQuietly(pinned);
            throw e;
        }
    }

    /** A read-only connection to this published version; close it when done. */
    public Connection connect() {
        try {
            return pinned.duplicate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the serving catalog " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** Delta version each table was published from (-1: the table did not exist yet). */
    public Map<String, Long> deltaVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        tables.forEach(t -> versions.put(t.table(), t.deltaVersion()));
        return Collections.unmodifiableMap(versions);
    }

    /** Every published table with its layer, version, rows and storage, by name. */
    public List<PublishSummary.Entry> tables() {
        return tables;
    }

    @Override
    public void close() {
        closeQuietly(pinned);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a read-only connection loses nothing
            }
        }
    }
}
