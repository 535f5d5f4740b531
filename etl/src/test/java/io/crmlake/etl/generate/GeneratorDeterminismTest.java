package io.crmlake.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {

    private static final GeneratorSpec SPEC = GeneratorSpec.of(1500, 4, 7L).withDirtyRate(0.02);

    @TempDir
    Path tmp;

    @Test
    void sameSpecWritesByteIdenticalFiles() {
        Generator.generate(SPEC, tmp.resolve("a"));
        Generator.generate(SPEC, tmp.resolve("b"));
        List<String> files = LandingFiles.allFiles(tmp.resolve("a"));
        assertThat(files).hasSizeGreaterThan(30).isEqualTo(LandingFiles.allFiles(tmp.resolve("b")));
        for (String f : files) {
            assertThat(LandingFiles.read(tmp.resolve("b").resolve(f))).as(f)
                    .isEqualTo(LandingFiles.read(tmp.resolve("a").resolve(f)));
        }
    }

    @Test
    void anotherSeedWritesOtherData() {
        Generator.generate(SPEC, tmp.resolve("a"));
        Generator.generate(new GeneratorSpec(1500, 4, 8L, 0.02, "zh", null, 0.4, null, null), tmp.resolve("b"));
        for (String f : List.of("customers/2024-01/customers-2024-01.csv", "transactions/2024-02/transactions-2024-02.csv",
                "touchpoints/2024-03/touchpoints-2024-03.csv")) {
            assertThat(LandingFiles.read(tmp.resolve("b").resolve(f))).as(f)
                    .isNotEqualTo(LandingFiles.read(tmp.resolve("a").resolve(f)));
        }
    }

    @Test
    void reportsOneProgressLinePerBatch() {
        List<String> progress = new ArrayList<>();
        GenerationSummary summary = Generator.generate(SPEC, tmp.resolve("a"), progress::add);
        assertThat(progress).hasSize(4);
        assertThat(progress.get(0)).matches("batch 2024-01: [0-9,]+ rows");
        assertThat(progress.get(3)).startsWith("batch 2024-04: ");
        assertThat(summary.batches()).isEqualTo(4);
        assertThat(summary.rowsPerEntity().keySet()).startsWith("customers", "transactions");
        assertThat(summary.rowsPerEntity().get("customers")).isGreaterThanOrEqualTo(1500);
        assertThat(summary.totalDefects()).isPositive();
        assertThat(summary.toString()).contains("transactions", "duplicate_key");
    }

    @Test
    void refusesToMixTwoRunsInOneLandingFolder() {
        Generator.generate(GeneratorSpec.of(50, 1, 1L), tmp);
        assertThatThrownBy(() -> Generator.generate(GeneratorSpec.of(50, 1, 1L), tmp))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds");
    }
}
