package io.crmlake.etl.spark;

import io.crmlake.warehouse.lake.LakeConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one way every job gets its SparkSession, locally and under spark-submit: Delta's SQL
 * extension and catalog, the business time zone, and the local tuning from conf/crmlake.yml.
 * Settings that spark-submit already made (master, the cluster's defaults) are not overridden.
 */
public final class CrmlakeSpark {

    private CrmlakeSpark() {}

    public static SparkSession session(LakeConfig config) {
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder()
                .appName("crmlake")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", config.timezone().getId())
                // MERGE sources here are small increments; let Delta prune with them.
                .config("spark.databricks.delta.merge.repartitionBeforeWrite.enabled", "true")
                .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.ui.showConsoleProgress", "false");
        if (!submitted.contains("spark.master")) {
            builder.master(config.sparkMaster());
        }
        for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
            if (!submitted.contains(e.getKey())) {
                builder.config(e.getKey(), e.getValue());
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
