package io.crmlake.etl.cli;

import io.crmlake.etl.spark.CrmlakeSpark;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.lake.LakeConfig;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options every command shares: where the configuration, the lake and the landing zone are. */
public final class LakeOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: conf/crmlake.yml when present).")
    Path config;

    @Option(names = "--lake", paramLabel = "PATH|URI", description = "Lake root, a path or Hadoop URI; overrides `lake` in the configuration.")
    String lake;

    @Option(names = "--landing", paramLabel = "PATH|URI", description = "Landing zone; default <lake>/landing.")
    String landing;

    public LakeConfig config() {
        LakeConfig c = LakeConfig.load(config);
        if (lake != null) {
            c = c.withLake(lake);
        }
        if (landing != null) {
            c = c.withLanding(landing);
        }
        return c;
    }

    /** A SparkSession for this lake and its tables. */
    public LakeTables tables() {
        LakeConfig c = config();
        SparkSession spark = CrmlakeSpark.session(c);
        return new LakeTables(spark, c.paths());
    }
}
