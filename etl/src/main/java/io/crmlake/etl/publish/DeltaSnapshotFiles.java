package io.crmlake.etl.publish;

import io.crmlake.warehouse.serving.PublishedTable;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * The data files of a Delta table's current snapshot, read from the Delta log with Delta Kernel:
 * exactly the files the table's rows are in at {@code version}. A listing of the folder would also
 * find the files that a MERGE, UPDATE or overwrite replaced (they stay until VACUUM), and count
 * their rows twice. A file with a deletion vector has rows that are gone although the file stays;
 * DuckDB cannot apply the vector, so such a table must be read through Spark.
 *
 * <p>Kernel replays the log (last checkpoint plus the JSON commits after it) in this JVM, with no
 * Spark job: that is the whole point, a Spark job per table cost publish minutes
 * (docs/benchmarks.md). The scan-file rows are read with Kernel's {@link InternalScanFileUtils},
 * the helper Kernel's own readers use; DeltaKernelAgreesWithSparkTest pins it to Spark's answer.
 */
record DeltaSnapshotFiles(long version, List<String> partitionColumns, List<DataFile> files) {

    /** One data file: its URI ({@code file:/…}, {@code s3a://…}), size, and partition values as the log records them. */
    record DataFile(String uri, long size, Map<String, String> partitionValues, boolean deletionVector) {}

    DeltaSnapshotFiles {
        partitionColumns = List.copyOf(partitionColumns);
        files = files.stream().sorted(Comparator.comparing(DataFile::uri)).toList();
    }

    /** The table's current snapshot, or empty when there is no Delta table at {@code location}. */
    static Optional<DeltaSnapshotFiles> read(Engine engine, String tableName, String location) {
        Snapshot snapshot;
        try {
            snapshot = io.delta.kernel.Table.forPath(engine, location).getLatestSnapshot(engine);
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
        try {
            List<DataFile> files = new ArrayList<>();
            try (CloseableIterator<FilteredColumnarBatch> batches = snapshot.getScanBuilder(engine).build().getScanFiles(engine)) {
                while (batches.hasNext()) {
                    // getRows() honours the batch's selection vector: only the files still in the snapshot
                    try (CloseableIterator<Row> rows = batches.next().getRows()) {
                        while (rows.hasNext()) {
                            files.add(dataFile(rows.next()));
                        }
                    }
                }
            }
            return Optional.of(new DeltaSnapshotFiles(snapshot.getVersion(engine), snapshot.getPartitionColumnNames(engine), files));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Delta log of " + tableName + " at " + location + ": " + e.getMessage(), e);
        } catch (KernelException e) {
            throw new IllegalStateException("could not read the Delta log of " + tableName + " at " + location + ": " + e.getMessage()
                    + "; check that the table was written by Delta 3.3 or older features", e);
        }
    }

    private static DataFile dataFile(Row scanFile) {
        FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
        // Kernel's path is the decoded absolute path; Hadoop's Path gives the URI form Spark's DeltaLog uses
        String uri = new Path(status.getPath()).toUri().toString();
        Map<String, String> partitionValues = new HashMap<>(InternalScanFileUtils.getPartitionValues(scanFile));
        boolean deletionVector = InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scanFile) != null;
        return new DataFile(uri, status.getSize(), partitionValues, deletionVector);
    }

    boolean hasDeletionVectors() {
        return files.stream().anyMatch(DataFile::deletionVector);
    }

    long bytes() {
        return files.stream().mapToLong(DataFile::size).sum();
    }

    List<String> uris() {
        return files.stream().map(DataFile::uri).toList();
    }

    /**
     * True when DuckDB's reading of the partition columns from the hive-style folder names
     * ({@code month_key=202401/…}) gives exactly the values the log records: the table is
     * partitioned by the columns the catalog says, and every file sits in a folder
     * {@code <column>=<value>} spelled as the log's value (Spark's {@code __HIVE_DEFAULT_PARTITION__}
     * for null). A value Spark had to escape in the folder name (a ':' or '/' in a string), or a
     * writer that does not use hive-style folders, fails the check, and the table is copied
     * through Spark instead of read in place.
     */
    boolean partitionFoldersMatchTheLog(List<String> catalogPartitionBy) {
        if (!lower(partitionColumns).equals(lower(catalogPartitionBy))) {
            return false;
        }
        for (DataFile file : files) {
            for (String column : partitionColumns) {
                String value = file.partitionValues().get(column);
                String folder = "/" + column + "=" + (value == null || value.isEmpty() ? PublishedTable.HIVE_NULL_PARTITION : value) + "/";
                if (!file.uri().contains(folder)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** A local file URI as the absolute path DuckDB reads. */
    static String localPath(String uri) {
        return java.nio.file.Path.of(java.net.URI.create(uri)).toString();
    }
}
