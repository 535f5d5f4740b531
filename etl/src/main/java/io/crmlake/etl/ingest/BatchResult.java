package io.crmlake.etl.ingest;

/** What one batch ingest did; {@code skipped} when the batch was already loaded unchanged. */
public record BatchResult(String entity, String batchId, long rowsRead, long rowsLoaded, long rowsQuarantined,
                          long rowsReleased, long millis, boolean skipped, String note) {

    public boolean reconciles() {
        return rowsRead == rowsLoaded + rowsQuarantined;
    }

    public String line() {
        if (skipped) {
            return String.format("%-18s %-9s skipped: %s", entity, batchId, note);
        }
        return String.format("%-18s %-9s in %,9d = loaded %,9d + quarantined %,6d  %s  (%.1f s)%s",
                entity, batchId, rowsRead, rowsLoaded, rowsQuarantined, reconciles() ? "ok" : "BROKEN",
                millis / 1000.0, rowsReleased > 0 ? "  released " + rowsReleased + " held orphan rows" : "");
    }
}
