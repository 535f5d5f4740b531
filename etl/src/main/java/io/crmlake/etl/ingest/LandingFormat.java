package io.crmlake.etl.ingest;

import java.util.Locale;
import java.util.Optional;

/** The file formats a batch may hold, told apart by the file extension. */
public enum LandingFormat {
    CSV, JSON_LINES, PARQUET;

    public static Optional<LandingFormat> of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Optional.of(JSON_LINES);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }
}
