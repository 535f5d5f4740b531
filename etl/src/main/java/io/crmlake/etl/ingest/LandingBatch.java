package io.crmlake.etl.ingest;

import java.util.List;

/**
 * One delivery: {@code landing/<entity>/<batch>/}. {@code files} are the qualified paths of its
 * data files, sorted by name; {@code complete} says whether the _SUCCESS marker exists;
 * {@code fingerprint} lists each file's name, size and modification time, which is free to
 * read from the listing and lets a re-run skip hashing batches that were not touched.
 */
public record LandingBatch(String entity, String batchId, String folder, List<String> files, boolean complete,
                           String fingerprint) implements java.io.Serializable {

    public LandingBatch(String entity, String batchId, String folder, List<String> files, boolean complete) {
        this(entity, batchId, folder, files, complete, "");
    }

    /** The path of a file relative to the landing root, as lineage and quarantine record it. */
    public String relative(String file) {
        return entity + "/" + batchId + "/" + file.substring(file.lastIndexOf('/') + 1);
    }

    public String label() {
        return entity + "/" + batchId;
    }
}
