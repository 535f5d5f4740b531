package io.crmlake.api.reports;

import io.crmlake.warehouse.serving.ServingCatalog;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which data a report was rendered from: the catalog's publish time and the Delta version of
 * every published table (from {@code crmlake_publish}; tables not in the lake yet are left out).
 */
public record DataVersion(Instant publishedAt, Map<String, Long> deltaVersions) {

    static DataVersion of(ServingCatalog catalog) {
        Map<String, Long> versions = new TreeMap<>();
        catalog.deltaVersions().forEach((table, version) -> {
            if (version != null && version >= 0) {
                versions.put(table, version);
            }
        });
        return new DataVersion(catalog.publishedAt(), versions);
    }
}
