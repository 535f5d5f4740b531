package io.crmlake.etl.spark;

import io.crmlake.warehouse.lake.LakeConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one way every job gets its SparkSession, locally and under spark-submit: Delta's SQL
 * extension and catalog, the business time zone, and the local tuning from conf/crmlake.yml.
 * Settings that spark-submit already made (master, the cluster's defaults) are not overridden.
 */
public final class CrmlakeSpark {

    public static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";

    private CrmlakeSpark() {}

    public static SparkSession session(LakeConfig config) {
        return start(builder(config));
    }

    /** The configured builder, for a caller that adds to it (the SQL server adds Hive support). */
    public static SparkSession.Builder builder(LakeConfig config) {
        SparkSession.Builder builder = SparkSession.builder();
        settings(config, new SparkConf()).forEach(builder::config);
        return builder;
    }

    public static SparkSession start(SparkSession.Builder builder) {
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * What crmlake sets, given what was {@code submitted}: spark-submit passes its settings (the
     * master, spark-defaults.conf, --conf) as spark.* system properties, which a new SparkConf
     * reads; those win over conf/crmlake.yml, so a cluster run differs only by configuration.
     */
    static Map<String, String> settings(LakeConfig config, SparkConf submitted) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.app.name", submitted.get("spark.app.name", "crmlake"));
        s.put("spark.sql.extensions", DELTA_EXTENSION);
        s.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        s.put("spark.sql.session.timeZone", config.timezone().getId());
        // MERGE sources here are small increments; let Delta prune with them.
        s.put("spark.databricks.delta.merge.repartitionBeforeWrite.enabled", "true");
        s.put("spark.databricks.delta.schema.autoMerge.enabled", "false");
        s.put("spark.sql.adaptive.enabled", "true");
        s.put("spark.ui.showConsoleProgress", "false");
        if (!submitted.contains("spark.master")) {
            s.put("spark.master", config.sparkMaster());
        }
        for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
            if (!submitted.contains(e.getKey())) {
                s.put(e.getKey(), e.getValue());
            }
        }
        return s;
    }
}
