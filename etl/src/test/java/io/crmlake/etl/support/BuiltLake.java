package io.crmlake.etl.support;

import io.crmlake.etl.generate.Generator;
import io.crmlake.etl.generate.GeneratorSpec;
import io.crmlake.etl.ingest.IngestJob;
import io.crmlake.etl.ingest.LandingZone;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.star.BuildJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One generated, ingested and built lake per test JVM, shared by every mart, publish and serving
 * test: 600 customers over 12 months from seed 42, clean. Building it costs about a minute, so it
 * is built once (lazily) under target/, and tests that only read it must not write to it. A test
 * that needs to change the star schema builds its own tiny lake instead.
 */
public final class BuiltLake {

    public static final int CUSTOMERS = 600;
    public static final int MONTHS = 12;
    public static final long SEED = 42;

    private static LakeTables tables;
    private static Path root;

    private BuiltLake() {}

    /** The built lake's tables (gold star schema filled; no marts yet). */
    public static synchronized LakeTables tables() {
        if (tables == null) {
            root = Path.of("target", "shared-lakes", "built-" + CUSTOMERS + "x" + MONTHS).toAbsolutePath();
            deleteRecursively(root);
            Path landing = root.resolve("landing");
            Generator.generate(GeneratorSpec.of(CUSTOMERS, MONTHS, SEED), landing);
            LakeTables t = SharedSpark.lake(root);
            LandingZone zone = new LandingZone(landing.toString(), t.spark().sparkContext().hadoopConfiguration());
            new IngestJob(t, zone, line -> { }).run(Optional.empty(), false);
            new BuildJob(t, line -> { }).run();
            tables = t;
        }
        return tables;
    }

    /** The lake root (landing zone at root/landing, the generator's truth at root/landing/_generator). */
    public static synchronized Path root() {
        tables();
        return root;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
