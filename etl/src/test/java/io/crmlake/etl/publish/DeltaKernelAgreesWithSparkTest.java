package io.crmlake.etl.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.SharedSpark;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Delta Kernel (what publish reads the logs with) and Spark's own DeltaLog (what wrote them) name
 * the same version and the same data files, with the same sizes, partition values and deletion
 * vectors, after the writes that leave replaced files in the folder: an overwrite, a MERGE, a
 * partitioned write with a null partition, and a DELETE that writes a deletion vector. Tiny
 * tables, a few rows each.
 */
class DeltaKernelAgreesWithSparkTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Engine kernel;

    @BeforeAll
    static void engines() {
        spark = SharedSpark.session();
        kernel = DefaultEngine.create(spark.sessionState().newHadoopConf());
    }

    @Test
    void afterAnOverwrite() {
        String path = dir.resolve("overwritten").toString();
        frame("SELECT id, concat('v', id) AS name FROM range(3)").write().format("delta").save(path);
        frame("SELECT id, concat('w', id) AS name FROM range(2)").write().format("delta").mode("overwrite").save(path);

        DeltaSnapshotFiles snapshot = kernelSnapshot(path);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(parquetFilesInFolder(path)).as("the replaced files are still in the folder").isGreaterThan(snapshot.files().size());
        assertSameAsSpark(path, snapshot);
    }

    @Test
    void afterAMerge() {
        String path = dir.resolve("merged").toString();
        frame("SELECT id, concat('v', id) AS name FROM range(4)").write().format("delta").save(path);
        DeltaTable.forPath(spark, path).as("t")
                .merge(frame("SELECT id, 'changed' AS name FROM range(2, 6)").as("s"), "t.id = s.id")
                .whenMatched().updateAll()
                .whenNotMatched().insertAll()
                .execute();

        DeltaSnapshotFiles snapshot = kernelSnapshot(path);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.hasDeletionVectors()).isFalse();
        assertThat(parquetFilesInFolder(path)).as("the rewritten files are still in the folder").isGreaterThan(snapshot.files().size());
        assertSameAsSpark(path, snapshot);
        assertThat(spark.read().format("delta").load(path).count()).isEqualTo(6);
    }

    @Test
    void afterPartitionedWritesIncludingANullPartition() {
        String path = dir.resolve("partitioned").toString();
        frame("SELECT id, CAST(202401 + id % 2 AS INT) AS month_key FROM range(4)")
                .write().format("delta").partitionBy("month_key").save(path);
        frame("SELECT 9L AS id, CAST(NULL AS INT) AS month_key")
                .write().format("delta").mode("append").save(path);

        DeltaSnapshotFiles snapshot = kernelSnapshot(path);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.partitionColumns()).containsExactly("month_key");
        assertThat(snapshot.files()).extracting(f -> f.partitionValues().get("month_key"))
                .containsOnly("202401", "202402", null);
        assertSameAsSpark(path, snapshot);
        // DuckDB reads the month from the folder names: they spell what the log says
        assertThat(snapshot.partitionFoldersMatchTheLog(List.of("month_key"))).isTrue();
        assertThat(snapshot.partitionFoldersMatchTheLog(List.of())).as("the catalog expects no partitions").isFalse();
    }

    @Test
    void aDeleteWithDeletionVectorsIsSeen() {
        String path = dir.resolve("deleted").toString();
        spark.sql("CREATE TABLE delta.`" + path + "` (id BIGINT) USING DELTA "
                + "TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
        frame("SELECT id FROM range(10)").coalesce(1).write().format("delta").mode("append").save(path);
        spark.sql("DELETE FROM delta.`" + path + "` WHERE id = 3");

        DeltaSnapshotFiles snapshot = kernelSnapshot(path);
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.hasDeletionVectors()).as("the DELETE marked a row in place").isTrue();
        assertSameAsSpark(path, snapshot);
    }

    @Test
    void noTableIsEmpty() {
        assertThat(DeltaSnapshotFiles.read(kernel, "missing", dir.resolve("no-such-table").toString())).isEmpty();
    }

    private static Dataset<Row> frame(String sql) {
        return spark.sql(sql);
    }

    private static long parquetFilesInFolder(String path) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of(path))) {
            return files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains("_delta_log")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DeltaSnapshotFiles kernelSnapshot(String path) {
        return DeltaSnapshotFiles.read(kernel, "test", path).orElseThrow();
    }

    /** Spark's answer: DeltaLog's snapshot and its AddFile actions (one Spark job). */
    private static void assertSameAsSpark(String path, DeltaSnapshotFiles kernelSnapshot) {
        Tuple2<DeltaLog, Snapshot> logAndSnapshot = DeltaLog.forTableWithSnapshot(spark, path);
        DeltaLog log = logAndSnapshot._1();
        Snapshot sparkSnapshot = logAndSnapshot._2();
        List<DeltaSnapshotFiles.DataFile> sparkFiles = new ArrayList<>();
        for (AddFile add : sparkSnapshot.allFiles().collectAsList()) {
            Map<String, String> partitionValues = new HashMap<>(JavaConverters.mapAsJavaMap(add.partitionValues()));
            sparkFiles.add(new DeltaSnapshotFiles.DataFile(add.absolutePath(log).toUri().toString(), add.size(),
                    partitionValues, add.deletionVector() != null));
        }
        DeltaSnapshotFiles spark = new DeltaSnapshotFiles(sparkSnapshot.version(),
                JavaConverters.seqAsJavaList(sparkSnapshot.metadata().partitionColumns()), sparkFiles);
        assertThat(kernelSnapshot.files()).as("data files").isNotEmpty();
        assertThat(kernelSnapshot).isEqualTo(spark);
    }
}
