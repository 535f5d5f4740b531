package io.crmlake.etl.publish;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import scala.Tuple2;

/**
 * The data files of a Delta table's current snapshot, read from the Delta log: exactly the files
 * the table's rows are in at {@code version}. A listing of the folder would also find the files
 * that a MERGE, UPDATE or overwrite replaced (they stay until VACUUM), and count their rows twice.
 * A file with a deletion vector has rows that are gone although the file stays; DuckDB cannot
 * apply the vector, so such a table must be read through Spark.
 */
record DeltaSnapshotFiles(long version, List<String> files, boolean hasDeletionVectors, long bytes) {

    static DeltaSnapshotFiles of(SparkSession spark, String location) {
        Tuple2<DeltaLog, Snapshot> logAndSnapshot = DeltaLog.forTableWithSnapshot(spark, location);
        DeltaLog log = logAndSnapshot._1();
        Snapshot snapshot = logAndSnapshot._2();
        List<AddFile> adds = snapshot.allFiles().collectAsList();
        List<String> files = adds.stream().map(add -> uri(add.absolutePath(log))).sorted().toList();
        boolean deletionVectors = adds.stream().anyMatch(add -> add.deletionVector() != null);
        long bytes = adds.stream().mapToLong(AddFile::size).sum();
        return new DeltaSnapshotFiles(snapshot.version(), files, deletionVectors, bytes);
    }

    /** The file as a URI string (file:/…, s3a://…); local ones are turned into paths by the caller. */
    private static String uri(Path path) {
        return path.toUri().toString();
    }

    /** A local file URI as the absolute path DuckDB reads. */
    static String localPath(String uri) {
        return java.nio.file.Path.of(java.net.URI.create(uri)).toString();
    }
}
