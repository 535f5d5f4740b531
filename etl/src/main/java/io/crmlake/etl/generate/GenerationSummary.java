package io.crmlake.etl.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a generation run wrote: good rows per entity (catalog order), extra defective rows per
 * quarantine reason code, the number of monthly batches and of files, and how long it took.
 */
public record GenerationSummary(
        Path landingRoot,
        Map<String, Long> rowsPerEntity,
        Map<String, Long> defectsPerReason,
        int batches,
        int files,
        long elapsedMs) {

    public GenerationSummary {
        rowsPerEntity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerEntity));
        defectsPerReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defectsPerReason));
    }

    public long totalRows() {
        return rowsPerEntity.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalDefects() {
        return defectsPerReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lines to print, e.g. "transactions        1,234,567 rows". */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "landing %s: %d batches, %d files, %,d rows, %,d defects, %,d ms",
                landingRoot, batches, files, totalRows(), totalDefects(), elapsedMs));
        rowsPerEntity.forEach((e, n) -> out.add(String.format(Locale.ROOT, "  %-18s %,12d rows", e, n)));
        defectsPerReason.forEach((r, n) -> out.add(String.format(Locale.ROOT, "  defect %-22s %,6d", r, n)));
        return out;
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines());
    }
}
