package io.crmlake.api.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * One published catalog file, opened read-only. Each request gets its own connection
 * (a duplicate of the root one); retiring the generation closes only the root, so requests
 * still running on it finish on the old file while new ones go to the next generation.
 */
public final class CatalogGeneration {

    private final Path file;
    private final FileIdentity identity;
    private final DuckDBConnection root;
    private final Instant publishedAt;
    private final Map<String, Long> deltaVersions;
    private final Map<String, Long> rowCounts;
    private final Set<String> tables;
    private boolean retired;

    private CatalogGeneration(Path file, FileIdentity identity, DuckDBConnection root, Instant publishedAt,
                              Map<String, Long> deltaVersions, Map<String, Long> rowCounts, Set<String> tables) {
        this.file = file;
        this.identity = identity;
        this.root = root;
        this.publishedAt = publishedAt;
        this.deltaVersions = deltaVersions;
        this.rowCounts = rowCounts;
        this.tables = tables;
    }

    /** {@code threads}: DuckDB worker threads of this instance, shared by all its queries; 0 = DuckDB's default. */
    static CatalogGeneration open(Path file, FileIdentity identity, int threads) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        // DuckDB's JDBC driver hands out the already-open instance for a path it knows; after a
        // publish the path names a new file, so each generation must be an instance of its own.
        props.setProperty("jdbc_instance_cache", "false");
        // Results arrive chunk by chunk, so a CSV export of a large mart never sits in memory.
        props.setProperty("jdbc_stream_results", "true");
        if (threads > 0) {
            props.setProperty("threads", String.valueOf(threads));
        }
        DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file, props);
        try (Statement s = root.createStatement()) {
            Set<String> tables = new TreeSet<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.contains("crmlake_publish")) {
                throw new SQLException(file + " has no crmlake_publish table, so it is not a published crmlake catalog; run `crmlake publish`");
            }
            Map<String, Long> versions = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            Instant publishedAt = null;
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name, delta_version, row_count, published_at FROM crmlake_publish ORDER BY table_name")) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                    rows.put(rs.getString(1), rs.getLong(3));
                    OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
                    if (at != null && (publishedAt == null || at.toInstant().isAfter(publishedAt))) {
                        publishedAt = at.toInstant();
                    }
                }
            }
            return new CatalogGeneration(file, identity, root, publishedAt == null ? Instant.EPOCH : publishedAt,
                    Collections.unmodifiableMap(versions), Collections.unmodifiableMap(rows),
                    Collections.unmodifiableSet(tables));
        } catch (SQLException | RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** A new read-only connection, or null when this generation was retired meanwhile. */
    synchronized Connection connect() throws SQLException {
        return retired ? null : root.duplicate();
    }

    synchronized void retire() {
        if (!retired) {
            retired = true;
            try {
                root.close();
            } catch (SQLException ignored) {
                // The instance closes with its last connection anyway.
            }
        }
    }

    FileIdentity identity() {
        return identity;
    }

    public Path file() {
        return file;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Map<String, Long> deltaVersions() {
        return deltaVersions;
    }

    public Map<String, Long> rowCounts() {
        return rowCounts;
    }

    public boolean hasTable(String name) {
        return tables.contains(name);
    }
}
