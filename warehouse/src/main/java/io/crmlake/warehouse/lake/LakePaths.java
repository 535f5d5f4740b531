package io.crmlake.warehouse.lake;

import io.crmlake.warehouse.catalog.Table;
import java.net.URI;
import java.nio.file.Path;

/**
 * The lake's layout: {@code <lake>/<layer>/<table>} for every Delta table,
 * {@code <lake>/landing} for deliveries (unless configured), {@code <lake>/serving} for the
 * published DuckDB catalog (unless configured; {@code work/serving} when the lake is remote). Local relative paths are made absolute against the working
 * directory so that Spark and DuckDB agree on them.
 */
public record LakePaths(String root, String landingRoot, String servingRoot) {

    /** Where the serving catalog goes when the lake is not on a local disk. */
    public static final String REMOTE_LAKE_SERVING = "work/serving";

    public LakePaths {
        root = normalise(root);
        landingRoot = landingRoot == null ? root + "/landing" : normalise(landingRoot);
        servingRoot = normalise(servingRoot != null ? servingRoot
                : isLocal(root) ? root + "/serving" : REMOTE_LAKE_SERVING);
    }

    public LakePaths(String root, String landingRoot) {
        this(root, landingRoot, null);
    }

    public String table(Table table) {
        return root + "/" + table.layer().folder() + "/" + table.name();
    }

    public String landing() {
        return landingRoot;
    }

    /** The local folder of the serving catalog (crmlake.duckdb). */
    public Path serving() {
        return servingRoot.startsWith("file:") ? Path.of(URI.create(servingRoot)) : Path.of(servingRoot);
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
