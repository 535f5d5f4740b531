package io.crmlake.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With --dirty the manifest names every extra bad row, each line really carries exactly the named
 * defect, every other line is clean, and the good rows are those of the clean run.
 */
class GeneratorDefectsTest {

    private static final GeneratorSpec CLEAN = GeneratorSpec.of(2500, 4, 11L);

    @TempDir
    static Path tmp;
    static Path dirty;
    static Path clean;
    static List<String[]> manifest;

    @BeforeAll
    static void generate() {
        dirty = tmp.resolve("dirty");
        clean = tmp.resolve("clean");
        Generator.generate(CLEAN.withDirtyRate(0.02), dirty);
        Generator.generate(CLEAN, clean);
        manifest = new ArrayList<>();
        List<byte[]> lines = LandingFiles.rawLines(dirty.resolve("_generator/defects.csv"));
        assertThat(new String(lines.get(0), StandardCharsets.UTF_8)).isEqualTo("entity,batch_id,source_file,row_number,reason");
        for (int i = 1; i < lines.size(); i++) {
            manifest.add(new String(lines.get(i), StandardCharsets.UTF_8).split(",", -1));
        }
    }

    @Test
    void everyReasonIsInjectedIntoTheFourEntities() {
        Set<String> reasons = new HashSet<>();
        Set<String> entities = new HashSet<>();
        for (String[] m : manifest) {
            reasons.add(m[4]);
            entities.add(m[0]);
            assertThat(m[2]).isEqualTo(m[0] + "/" + m[1] + "/" + m[0] + "-" + m[1] + ".csv");
            assertThat(Integer.parseInt(m[3])).isGreaterThan(1);
        }
        assertThat(reasons).containsExactlyInAnyOrder("missing_required", "unparseable_timestamp", "unparseable_date",
                "unparseable_decimal", "unknown_code", "duplicate_key", "orphan_customer", "wrong_column_count",
                "invalid_utf8");
        assertThat(entities).containsExactlyInAnyOrder("customers", "transactions", "touchpoints", "accounts");
    }

    @Test
    void aboutRateTimesRowsPerEntity() {
        Map<String, Integer> bad = new TreeMap<>();
        manifest.forEach(m -> bad.merge(m[0], 1, Integer::sum));
        for (String entity : DefectInjector.ENTITIES) {
            int good = LandingFiles.rows(clean, entity).size();
            assertThat((double) bad.get(entity)).as(entity).isBetween(0.02 * good * 0.7, 0.02 * good * 1.3 + 3);
        }
    }

    @Test
    void eachManifestLineCarriesExactlyItsDefectAndAllOtherLinesAreClean() throws Exception {
        Set<String> customers = LandingFiles.customerIds(clean);
        Map<String, Map<Integer, String>> byFile = new HashMap<>();
        for (String[] m : manifest) {
            byFile.computeIfAbsent(m[2], k -> new HashMap<>()).put(Integer.parseInt(m[3]), m[4]);
        }
        int checked = 0;
        for (String entity : DefectInjector.ENTITIES) {
            LandingEntity e = LandingFiles.entity(entity);
            for (Path batch : LandingFiles.batches(dirty, entity)) {
                String rel = entity + "/" + batch.getFileName() + "/" + entity + "-" + batch.getFileName() + ".csv";
                Map<Integer, String> expected = byFile.getOrDefault(rel, Map.of());
                List<byte[]> lines = LandingFiles.rawLines(dirty.resolve(rel));
                Set<String> keys = new HashSet<>();
                for (int n = 2; n <= lines.size(); n++) {
                    Set<QuarantineReason> found = classify(e, lines.get(n - 1), keys, customers);
                    String want = expected.get(n);
                    if (want == null) {
                        assertThat(found).as(rel + " line " + n).isEmpty();
                    } else {
                        assertThat(found).as(rel + " line " + n).containsExactly(QuarantineReason.fromCode(want));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(manifest.size());
    }

    @Test
    void goodRowsAreExactlyThoseOfTheCleanRun() {
        Map<String, Set<Integer>> badLines = new HashMap<>();
        manifest.forEach(m -> badLines.computeIfAbsent(m[2], k -> new HashSet<>()).add(Integer.parseInt(m[3])));
        for (String f : LandingFiles.allFiles(clean)) {
            if (!f.endsWith(".csv") || f.startsWith("_generator")) {
                continue;
            }
            List<byte[]> d = LandingFiles.rawLines(dirty.resolve(f));
            List<String> kept = new ArrayList<>();
            for (int n = 1; n <= d.size(); n++) {
                if (!badLines.getOrDefault(f, Set.of()).contains(n)) {
                    kept.add(new String(d.get(n - 1), StandardCharsets.UTF_8));
                }
            }
            List<String> c = LandingFiles.rawLines(clean.resolve(f)).stream()
                    .map(b -> new String(b, StandardCharsets.UTF_8)).toList();
            assertThat(kept).as(f).isEqualTo(c);
        }
    }

    @Test
    void cleanRunHasAnEmptyManifest() {
        List<byte[]> lines = LandingFiles.rawLines(clean.resolve("_generator/defects.csv"));
        assertThat(lines).hasSize(1);
    }

    /** What an ingest would find wrong with one physical line, in the contract's terms. */
    private static Set<QuarantineReason> classify(LandingEntity e, byte[] raw, Set<String> keys, Set<String> customers) {
        String text;
        try {
            text = LandingFiles.strictUtf8(raw);
        } catch (CharacterCodingException ex) {
            return EnumSet.of(QuarantineReason.INVALID_UTF8);
        }
        List<String> f = LandingFiles.split(text);
        Set<QuarantineReason> out = LandingFiles.checkRow(e, f);
        if (out.contains(QuarantineReason.WRONG_COLUMN_COUNT)) {
            return out;
        }
        StringBuilder key = new StringBuilder();
        for (String k : e.key()) {
            key.append(f.get(e.fieldNames().indexOf(k))).append('|');
        }
        if (!keys.add(key.toString())) {
            out.add(QuarantineReason.DUPLICATE_KEY);
        }
        if (e.customerRef() != null) {
            String c = f.get(e.fieldNames().indexOf(e.customerRef()));
            if (!c.isEmpty() && !customers.contains(c)) {
                out.add(QuarantineReason.ORPHAN_CUSTOMER);
            }
        }
        return out;
    }
}
