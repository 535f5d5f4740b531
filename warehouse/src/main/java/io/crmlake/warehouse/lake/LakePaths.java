package io.crmlake.warehouse.lake;

import io.crmlake.warehouse.catalog.Table;
import java.net.URI;
import java.nio.file.Path;

/**
 * The lake's layout: {@code <lake>/<layer>/<table>} for every Delta table,
 * {@code <lake>/landing} for deliveries (unless configured), {@code <lake>/serving} for the
 * published DuckDB catalog. Local relative paths are made absolute against the working
 * directory so that Spark and DuckDB agree on them.
 */
public record LakePaths(String root, String landingRoot) {

    public LakePaths {
        root = normalise(root);
        landingRoot = landingRoot == null ? root + "/landing" : normalise(landingRoot);
    }

    public String table(Table table) {
        return root + "/" + table.layer().folder() + "/" + table.name();
    }

    public String landing() {
        return landingRoot;
    }

    public String serving() {
        return root + "/serving";
    }

    /** True when the root is on the local file system (no scheme, or file:). */
    public boolean isLocal() {
        return isLocal(root);
    }

    public static boolean isLocal(String location) {
        URI uri = URI.create(location.replace(" ", "%20"));
        return uri.getScheme() == null || "file".equals(uri.getScheme());
    }

    private static String normalise(String location) {
        String trimmed = location.endsWith("/") && location.length() > 1
                ? location.substring(0, location.length() - 1) : location;
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return trimmed;
        }
        String local = trimmed.startsWith("file:") ? trimmed.substring("file:".length()) : trimmed;
        return Path.of(local).toAbsolutePath().normalize().toString();
    }
}
