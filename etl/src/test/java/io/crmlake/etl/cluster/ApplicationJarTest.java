package io.crmlake.etl.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar for spark-submit, target/crmlake-etl.jar, built by the etl module before
 * its tests run (process-test-classes): nothing of Spark, Delta Spark, Scala, Hadoop or Hive
 * inside, our classes and the few libraries a cluster does not bring inside (Delta Kernel among
 * them, which publish reads the logs with), and it runs under Spark's own SparkSubmit with a
 * class path that has only Spark and Delta.
 */
class ApplicationJarTest {

    static final Path JAR = Path.of("target", "crmlake-etl.jar");

    @TempDir
    Path dir;

    @Test
    void holdsOurCodeAndLibrariesButNoSparkDeltaScalaHadoopOrHive() throws Exception {
        assertThat(JAR).as("the etl build makes the jar in process-test-classes").isRegularFile();
        List<String> entries;
        String mainClass;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(e -> e.getName()).toList();
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/spark/"))
                .noneMatch(e -> e.startsWith("io/delta/") && !e.equals("io/delta/") && !e.startsWith("io/delta/kernel/"))
                .noneMatch(e -> e.startsWith("scala/"))
                .noneMatch(e -> e.startsWith("org/apache/hadoop/"))
                .noneMatch(e -> e.startsWith("org/apache/hive/"))
                // Spark brings these in the same versions; a second copy only invites conflicts.
                .noneMatch(e -> e.startsWith("com/fasterxml/jackson/databind/"))
                .noneMatch(e -> e.startsWith("org/apache/commons/io/"));
        assertThat(entries).contains(
                "io/crmlake/etl/cli/Crmlake.class",
                "io/crmlake/etl/bi/SqlServer.class",
                "io/crmlake/warehouse/catalog/Catalog.class",
                "catalog/tables.yml",
                "picocli/CommandLine.class",
                "org/apache/commons/csv/CSVFormat.class",
                "org/hipparchus/special/Gamma.class",
                "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class",
                "org/yaml/snakeyaml/Yaml.class",
                "io/delta/kernel/Table.class",
                "io/delta/kernel/defaults/engine/DefaultEngine.class");
        assertThat(mainClass).isEqualTo("io.crmlake.etl.cli.Crmlake");
    }

    /**
     * spark-submit's own entry point (org.apache.spark.deploy.SparkSubmit, as bin/spark-submit
     * calls it) with a class path of Spark, Delta and their dependencies only: the jar must bring
     * everything else, and the master spark-submit sets is the one the job uses. The command is
     * publish, on an empty lake: it needs Delta Kernel (from the jar) working on Spark's Hadoop,
     * Parquet and Jackson, and DuckDB's native library (from the jar).
     */
    @Test
    void runsUnderSparkSubmitWithOnlySparkAndDeltaOnTheClassPath() throws Exception {
        Pattern ours = Pattern.compile(".*(/target/(test-)?classes|crmlake-warehouse[^/]*\\.jar|picocli[^/]*|commons-csv[^/]*"
                + "|hipparchus[^/]*|jackson-dataformat-yaml[^/]*|snakeyaml[^/]*|duckdb[^/]*|delta-kernel[^/]*)/?$");
        List<String> sparkOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !ours.matcher(entry).matches())
                .toList();
        assertThat(sparkOnly).anyMatch(e -> e.contains("spark-core")).noneMatch(e -> e.contains("picocli"));
        Path lake = dir.resolve("lake");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + projectFile("conf/spark-jvm.options"), "-Xmx1g",
                "-cp", String.join(File.pathSeparator, sparkOnly),
                "org.apache.spark.deploy.SparkSubmit",
                "--master", "local[1]", "--conf", "spark.ui.enabled=false",
                "--class", "io.crmlake.etl.cli.Crmlake",
                JAR.toAbsolutePath().toString(),
                "publish", "--lake", lake.toString()));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("== publish " + lake.resolve("serving"))
                .containsPattern("Delta logs of \\d+ tables read in [0-9.]+ s \\(0 in the lake, 0 data files\\)")
                .containsPattern("dim_customer +gold +- +table +0 rows");
        assertThat(lake.resolve("serving/crmlake.duckdb")).isRegularFile();
    }

    private static Path projectFile(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found");
    }
}
