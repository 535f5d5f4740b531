package io.crmlake.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorSidecarTest {

    @TempDir
    static Path root;
    static JsonNode truth;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() throws Exception {
        GeneratorSpec spec = GeneratorSpec.of(3000, 5, 5L).withDirtyRate(0.01).withStartMonth(YearMonth.of(2023, 11));
        spec = spec.withModel(new GeneratorSpec.Model(new GeneratorSpec.BgNbd(0.5, 6.0, 0.8, 2.5),
                GeneratorSpec.GammaGamma.DEFAULTS, new GeneratorSpec.ShiftedBetaGeometric(1.2, 9.0), 0.25, 21, 95.0));
        summary = Generator.generate(spec, root);
        truth = new ObjectMapper().readTree(root.resolve("_generator/truth.json").toFile());
    }

    @Test
    void holdsTheSpecAndTheModelParameters() {
        assertThat(truth.at("/spec/seed").asLong()).isEqualTo(5L);
        assertThat(truth.at("/spec/customers").asInt()).isEqualTo(3000);
        assertThat(truth.at("/spec/months").asInt()).isEqualTo(5);
        assertThat(truth.at("/spec/start_month").asText()).isEqualTo("2023-11");
        assertThat(truth.at("/spec/end_month").asText()).isEqualTo("2024-03");
        assertThat(truth.at("/spec/locale").asText()).isEqualTo("zh");
        assertThat(truth.at("/spec/dirty_rate").asDouble()).isEqualTo(0.01);
        assertThat(truth.at("/bg_nbd/time_unit").asText()).isEqualTo("weeks");
        assertThat(truth.at("/bg_nbd/r").asDouble()).isEqualTo(0.5);
        assertThat(truth.at("/bg_nbd/alpha").asDouble()).isEqualTo(6.0);
        assertThat(truth.at("/bg_nbd/a").asDouble()).isEqualTo(0.8);
        assertThat(truth.at("/bg_nbd/b").asDouble()).isEqualTo(2.5);
        assertThat(truth.at("/gamma_gamma/p").asDouble()).isEqualTo(6.25);
        assertThat(truth.at("/gamma_gamma/q").asDouble()).isEqualTo(3.74);
        assertThat(truth.at("/gamma_gamma/gamma").asDouble()).isEqualTo(175.0);
        assertThat(truth.at("/sbg/period").asText()).isEqualTo("month");
        assertThat(truth.at("/sbg/alpha").asDouble()).isEqualTo(1.2);
        assertThat(truth.at("/sbg/beta").asDouble()).isEqualTo(9.0);
        assertThat(truth.at("/campaigns/uplift").asDouble()).isEqualTo(0.25);
        assertThat(truth.at("/campaigns/uplift_days").asInt()).isEqualTo(21);
        assertThat(truth.at("/arpu/median").asDouble()).isEqualTo(95.0);
    }

    @Test
    void countsMatchTheFiles() {
        Map<String, Integer> manifestPerEntity = new TreeMap<>();
        Map<String, Long> manifestPerReason = new TreeMap<>();
        List<byte[]> manifest = LandingFiles.rawLines(root.resolve("_generator/defects.csv"));
        for (byte[] line : manifest.subList(1, manifest.size())) {
            String[] m = new String(line, StandardCharsets.UTF_8).split(",");
            manifestPerEntity.merge(m[0], 1, Integer::sum);
            manifestPerReason.merge(m[4], 1L, Long::sum);
        }
        for (LandingEntity e : Catalog.get().landingEntities()) {
            long lines = 0;
            for (Path b : LandingFiles.batches(root, e.name())) {
                lines += LandingFiles.rawLines(LandingFiles.file(b, e.name())).size() - 1;
            }
            long good = lines - manifestPerEntity.getOrDefault(e.name(), 0);
            assertThat(truth.at("/rows/" + e.name()).asLong()).as(e.name()).isEqualTo(good);
            assertThat(summary.rowsPerEntity().get(e.name())).as(e.name()).isEqualTo(good);
        }
        Map<String, Long> truthDefects = new TreeMap<>();
        truth.get("defects").fields().forEachRemaining(f -> truthDefects.put(f.getKey(), f.getValue().asLong()));
        assertThat(truthDefects).isEqualTo(manifestPerReason).isEqualTo(new TreeMap<>(summary.defectsPerReason()));
    }

    @Test
    void recordsTheDeliveryQuirks() {
        assertThat(truth.at("/delivery_quirks/late_transactions").asInt()).isPositive();
        assertThat(truth.at("/delivery_quirks/corrected_transactions").asInt()).isPositive();
        assertThat(truth.at("/delivery_quirks/late_customers").asInt()).isPositive();
        assertThat(truth.at("/delivery_quirks/customer_changes").asInt()).isPositive();
        assertThat(truth.at("/delivery_quirks/account_closures").asInt()).isPositive();
        assertThat(truth.at("/delivery_quirks/control_group_rows").asInt()).isPositive();
    }
}
