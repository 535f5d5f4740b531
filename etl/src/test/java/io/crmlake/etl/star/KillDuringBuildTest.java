package io.crmlake.etl.star;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.generate.Generator;
import io.crmlake.etl.generate.GeneratorSpec;
import io.crmlake.etl.ingest.IngestJob;
import io.crmlake.etl.ingest.LandingZone;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.etl.support.TableSnapshot;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed with SIGKILL in the middle, then run again, converges to the same silver and
 * gold tables as a build that was never interrupted. The killed build runs the real CLI in its
 * own JVM.
 */
class KillDuringBuildTest {

    @TempDir
    Path dir;

    @Test
    void killNineThenRerunConvergesToTheUninterruptedBuild() throws Exception {
        Path landing = dir.resolve("landing");
        Generator.generate(GeneratorSpec.of(300, 3, 11).withDirtyRate(0.01), landing);

        LakeTables reference = SharedSpark.lake(dir.resolve("reference"));
        ingest(reference, landing);
        // The same ingested lake, copied before either is built: ingesting twice would only
        // cost time (ingest's own re-run guarantees are tested in IngestGeneratedLakeTest).
        copyTree(dir.resolve("reference"), dir.resolve("killed"));
        new BuildJob(reference, line -> { }).run();

        LakeTables killed = SharedSpark.lake(dir.resolve("killed"));
        String sawBeforeKill = buildInOtherJvmAndKill(dir.resolve("killed"));
        assertThat(sawBeforeKill).as("killed while the build was still running").contains("dim_customer");
        new BuildJob(killed, line -> { }).run();

        for (Table t : Catalog.get().tables()) {
            if (t.layer() == Layer.SILVER || t.layer() == Layer.GOLD) {
                assertThat(TableSnapshot.rows(killed, t.name())).as(t.name())
                        .isEqualTo(TableSnapshot.rows(reference, t.name()));
            }
        }
        assertThat(killed.read("fact_transaction").count()).isPositive();
    }

    private static void ingest(LakeTables tables, Path landing) {
        LandingZone zone = new LandingZone(landing.toString(), tables.spark().sparkContext().hadoopConfiguration());
        new IngestJob(tables, zone, line -> { }).run(Optional.empty(), false);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                java.nio.file.Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** Starts `crmlake build` in a new JVM and kills it -9 once it reports the customer dimension. */
    private static String buildInOtherJvmAndKill(Path lake) throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("conf/spark-jvm.options"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                "io.crmlake.etl.cli.Crmlake", "build",
                "--config", root.resolve("conf/crmlake.yml").toString(),
                "--lake", lake.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process build = pb.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.contains("dim_customer")) {
                    build.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no cleanup
                    break;
                }
            }
        }
        assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return seen.toString();
    }
}
