package io.crmlake.etl.support;

import io.crmlake.etl.spark.CrmlakeSpark;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.lake.LakeConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession per test JVM (deequ's pattern): local[2], two shuffle partitions, no UI.
 * Each test gets its own lake folder.
 */
public final class SharedSpark {

    private static LakeConfig config;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        return CrmlakeSpark.session(config());
    }

    public static synchronized LakeConfig config() {
        if (config == null) {
            config = new LakeConfig("unused", null, null, null, "local[2]", Map.of(
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    "spark.databricks.delta.snapshotPartitions", "2",
                    "spark.ui.enabled", "false",
                    "spark.sql.adaptive.enabled", "false"));
        }
        return config;
    }

    /** Tables of a lake rooted at {@code root}. */
    public static LakeTables lake(Path root) {
        return new LakeTables(session(), config().withLake(root.toString()).paths());
    }
}
