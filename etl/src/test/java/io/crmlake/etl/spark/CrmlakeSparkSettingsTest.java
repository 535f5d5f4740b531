package io.crmlake.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.warehouse.lake.LakeConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Local runs and spark-submit share one code path; what spark-submit set wins over conf/crmlake.yml. */
class CrmlakeSparkSettingsTest {

    private final LakeConfig config = new LakeConfig("lake", null, null, null, "local[*]",
            Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false"));

    @Test
    void locallyTheConfigurationChoosesMasterAndTuning() {
        Map<String, String> s = CrmlakeSpark.settings(config, new SparkConf(false));
        assertThat(s).containsEntry("spark.master", "local[*]")
                .containsEntry("spark.sql.shuffle.partitions", "8")
                .containsEntry("spark.sql.extensions", CrmlakeSpark.DELTA_EXTENSION)
                .containsEntry("spark.sql.session.timeZone", "Asia/Shanghai");
    }

    @Test
    void underSparkSubmitTheClusterSettingsWin() {
        SparkConf submitted = new SparkConf(false).setMaster("yarn").set("spark.sql.shuffle.partitions", "400")
                .setAppName("nightly crmlake");
        Map<String, String> s = CrmlakeSpark.settings(config, submitted);
        assertThat(s).doesNotContainKey("spark.master").doesNotContainKey("spark.sql.shuffle.partitions")
                .containsEntry("spark.ui.enabled", "false")
                .containsEntry("spark.app.name", "nightly crmlake")
                .containsEntry("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }
}
