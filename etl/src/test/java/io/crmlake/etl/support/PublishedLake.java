package io.crmlake.etl.support;

import io.crmlake.etl.cli.Crmlake;
import io.crmlake.etl.publish.PublishJob;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared built lake with every mart computed by `crmlake marts` (the shipped rules) and
 * published to etl/target/shared-lakes/published/crmlake.duckdb, once per test JVM. Tests that
 * read the published catalog (the marts-and-publish test, the reports test) share it; the
 * notebooks module reads the same file after etl's tests.
 */
public final class PublishedLake {

    public static final Path PUBLISHED = Path.of("target", "shared-lakes", "published").toAbsolutePath();

    private static boolean published;

    private PublishedLake() {}

    /** The folder holding the published crmlake.duckdb; runs marts and publish on first use. */
    public static synchronized Path folder() {
        if (!published) {
            Path root = BuiltLake.root();
            int code = Crmlake.commandLine().execute("marts", "--lake", root.toString(),
                    "--rules", projectRoot().resolve("conf/rules").toString());
            if (code != 0) {
                throw new IllegalStateException("crmlake marts on the shared lake exited with " + code);
            }
            new PublishJob(BuiltLake.tables(), PUBLISHED, line -> { }).run();
            published = true;
        }
        return PUBLISHED;
    }

    /** The repository root (the folder holding conf/rules). */
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("conf/rules"))) {
            p = p.getParent();
        }
        return p;
    }
}
