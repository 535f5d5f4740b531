package io.crmlake.api.reports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which data a report was rendered from: the catalog's publish time and the Delta version of
 * every published table, read from {@code crmlake_publish} on the very connection the report
 * was filled from (a publish in between cannot mix two versions into the record).
 */
public record DataVersion(Instant publishedAt, Map<String, Long> deltaVersions) {

    static DataVersion read(Connection catalog) throws SQLException {
        Map<String, Long> versions = new TreeMap<>();
        Instant publishedAt = null;
        try (Statement s = catalog.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, delta_version, published_at FROM crmlake_publish")) {
            while (rs.next()) {
                long version = rs.getLong(2);
                if (!rs.wasNull() && version >= 0) {
                    versions.put(rs.getString(1), version);
                }
                OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
                if (at != null && (publishedAt == null || at.toInstant().isAfter(publishedAt))) {
                    publishedAt = at.toInstant();
                }
            }
        }
        return new DataVersion(publishedAt, versions);
    }
}
