package io.crmlake.etl.publish;

import io.crmlake.warehouse.catalog.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Plain Parquet copies of Delta tables, for the tables DuckDB cannot read in place: every table
 * of a lake on object storage (DuckDB here has no s3/azure extension, and the service must not
 * depend on the lake being reachable), and tables whose files carry deletion vectors. Spark
 * writes the extract next to the lake ({@code <lake>/_publish_extract/<id>}: on a cluster the
 * executors cannot write to the driver's disk), the driver downloads it into the serving folder,
 * and both are deleted once the catalog has copied the rows in. Nothing is created, and nothing
 * is cleaned up, unless a table is actually extracted: publishing a local lake only reads it.
 */
final class ParquetExtract implements AutoCloseable {

    private final SparkSession spark;
    private final boolean lakeIsLocal;
    private final String extractRoot;
    private final java.nio.file.Path downloadRoot;
    private boolean used;

    ParquetExtract(SparkSession spark, String lakeRoot, boolean lakeIsLocal, java.nio.file.Path servingDir) {
        String id = UUID.randomUUID().toString();
        this.spark = spark;
        this.lakeIsLocal = lakeIsLocal;
        this.extractRoot = lakeRoot + "/_publish_extract/" + id;
        this.downloadRoot = servingDir.resolve(".extract-" + id);
    }

    /** Writes the table as of {@code version} and returns its local Parquet files. */
    List<String> extract(Table table, String location, long version) {
        used = true;
        String target = extractRoot + "/" + table.name();
        spark.read().format("delta").option("versionAsOf", version).load(location)
                .write().mode("overwrite").parquet(target);
        java.nio.file.Path local;
        if (lakeIsLocal) {
            local = java.nio.file.Path.of(target);
        } else {
            local = downloadRoot.resolve(table.name());
            try {
                Files.createDirectories(downloadRoot);
                Path source = new Path(target);
                FileSystem fs = source.getFileSystem(spark.sparkContext().hadoopConfiguration());
                fs.copyToLocalFile(false, source, new Path(local.toUri()), true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not download the Parquet extract of " + table.name() + " from " + target
                        + " into " + downloadRoot + ": " + e.getMessage(), e);
            }
        }
        try (Stream<java.nio.file.Path> files = Files.walk(local)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .map(java.nio.file.Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!used) {
            return;
        }
        try {
            Path root = new Path(extractRoot);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.delete(root, true);
            if (lakeIsLocal) {
                // the empty _publish_extract folder of a local lake
                java.nio.file.Path parent = java.nio.file.Path.of(extractRoot).getParent();
                if (Files.isDirectory(parent)) {
                    try (Stream<java.nio.file.Path> left = Files.list(parent)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(parent);
                        }
                    }
                }
            }
            if (Files.exists(downloadRoot)) {
                try (Stream<java.nio.file.Path> files = Files.walk(downloadRoot)) {
                    for (java.nio.file.Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the publish extract " + extractRoot + ": " + e.getMessage(), e);
        }
    }
}
