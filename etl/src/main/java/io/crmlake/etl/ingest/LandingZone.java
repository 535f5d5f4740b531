package io.crmlake.etl.ingest;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The landing zone as the source systems fill it, read through Hadoop's FileSystem so the same
 * code lists a local folder, S3, ADLS or HDFS. Folders whose names start with _ or . (such as
 * the generator's _generator sidecar) are not entities or batches.
 */
public final class LandingZone {

    public static final String SUCCESS_MARKER = "_SUCCESS";

    private final String root;
    private final Configuration hadoop;

    public LandingZone(String root, Configuration hadoop) {
        this.root = root;
        this.hadoop = hadoop;
    }

    public String root() {
        return root;
    }

    /** Fails with one sentence when the landing root does not exist. */
    public void requireExists() {
        try {
            Path path = new Path(root);
            if (!path.getFileSystem(hadoop).exists(path)) {
                throw new ContractBreach("no landing zone at " + root
                        + "; generate sample data with `crmlake generate`, or point --lake/--landing at your deliveries");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the landing zone " + root + ": " + e.getMessage(), e);
        }
    }

    /** Every batch of every contract entity, in entity order then batch order. */
    public List<LandingBatch> batches() {
        List<LandingBatch> all = new ArrayList<>();
        for (LandingEntity entity : Catalog.get().landingEntities()) {
            all.addAll(batches(entity.name()));
        }
        return all;
    }

    public List<LandingBatch> batches(String entity) {
        Path folder = new Path(root, entity);
        try {
            FileSystem fs = folder.getFileSystem(hadoop);
            if (!fs.exists(folder)) {
                return List.of();
            }
            List<LandingBatch> batches = new ArrayList<>();
            FileStatus[] children = fs.listStatus(folder);
            Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
            for (FileStatus batchDir : children) {
                String name = batchDir.getPath().getName();
                if (!batchDir.isDirectory() || hidden(name)) {
                    continue;
                }
                batches.add(batch(fs, entity, batchDir.getPath()));
            }
            return batches;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private LandingBatch batch(FileSystem fs, String entity, Path dir) throws IOException {
        boolean complete = false;
        List<String> files = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        FileStatus[] children = fs.listStatus(dir);
        Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
        for (FileStatus f : children) {
            String name = f.getPath().getName();
            if (name.equals(SUCCESS_MARKER)) {
                complete = true;
            } else if (f.isFile() && !hidden(name)) {
                if (LandingFormat.of(name).isEmpty()) {
                    throw new ContractBreach(entity + "/" + dir.getName() + "/" + name
                            + ": unsupported file type; a batch holds .csv, .jsonl or .parquet files only");
                }
                files.add(f.getPath().toString());
                fingerprint.append(name).append(':').append(f.getLen()).append(':')
                        .append(f.getModificationTime()).append(';');
            }
        }
        return new LandingBatch(entity, dir.getName(), dir.toString(), files, complete, fingerprint.toString());
    }

    /** SHA-256 over the batch's file names and bytes: a loaded batch whose files change is refused. */
    public String checksum(LandingBatch batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (String file : batch.files()) {
                Path path = new Path(file);
                sha.update(path.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = path.getFileSystem(hadoop).open(path)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (FileNotFoundException e) {
            throw new ContractBreach(batch.label() + ": a file vanished while it was read (" + e.getMessage()
                    + "); wait until the delivery is complete and run again");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + batch.label() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
