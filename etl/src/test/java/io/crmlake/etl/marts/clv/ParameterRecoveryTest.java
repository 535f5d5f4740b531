package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmlake.etl.generate.Generator;
import io.crmlake.etl.generate.GeneratorSpec;
import io.crmlake.etl.model.bgnbd.BgNbdFitter;
import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.bgnbd.RfmSummary;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.clv.Span;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.gammagamma.GammaGammaFitter;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import io.crmlake.etl.model.gammagamma.SpendSummary;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter recovery (issue 3): our generator simulates 100,000 free-buying customers from the BG/NBD
 * and Gamma-Gamma parameters it writes to {@code _generator/truth.json}; fitting the models to the
 * landing transactions must recover every parameter within a few standard errors. Only what the
 * models need is generated (no contracts, no campaign uplift, clean); the RFM summary is computed
 * here in plain Java from the CSVs, in the generator's own continuous time (each purchase, T up to the
 * end of the last day). The mart's day-based summary (same-day purchases merged), checked on the Spark
 * side by {@link CustomerValueFixtureTest}, is a different data definition: on these data it merges
 * the heaviest buyers' same-day purchases and moves alpha about 4 standard errors up (4.68 vs 4.41 at
 * 10^5 customers, seed 2005), which is why this test measures recovery on the undiscretised process.
 */
class ParameterRecoveryTest {

    static final int CUSTOMERS = 100_000;
    static final double STANDARD_ERRORS = 3.0;

    @TempDir
    static Path landing;

    record Purchase(String customer, long epochSecond, BigDecimal amount) {
    }

    @Test
    void recoversBgNbdAndGammaGammaFromTheGeneratorsSidecar() throws IOException {
        GeneratorSpec spec = GeneratorSpec.of(CUSTOMERS, 12, 2005L).withContractualShare(0.0)
                .withModel(GeneratorSpec.Model.DEFAULTS.withUplift(0.0));
        Generator.generate(spec, landing);
        JsonNode truth = new ObjectMapper().readTree(landing.resolve("_generator/truth.json").toFile());
        assertThat(truth.at("/bg_nbd/time_unit").asText()).isEqualTo("weeks");
        LocalDate asOf = YearMonth.parse(truth.at("/spec/end_month").asText()).atEndOfMonth();

        // Latest delivered version of each transaction (corrections re-deliver a txn_id in a later batch).
        Map<String, Purchase> purchases = new HashMap<>();
        try (Stream<Path> batches = Files.list(landing.resolve("transactions"))) {
            for (Path batch : batches.sorted().toList()) {
                try (Stream<Path> files = Files.list(batch)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                        read(file, purchases);
                    }
                }
            }
        }
        // Per customer: purchases in time order (seconds), with their spend.
        long end = asOf.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.of(truth.at("/spec/offset").asText()));
        Map<String, TreeMap<Long, BigDecimal>> histories = new HashMap<>();
        for (Purchase p : purchases.values()) {
            histories.computeIfAbsent(p.customer(), k -> new TreeMap<>()).merge(p.epochSecond(), p.amount(), BigDecimal::add);
        }
        RfmSummary.Builder rfm = RfmSummary.builder();
        SpendSummary.Builder spend = SpendSummary.builder();
        for (TreeMap<Long, BigDecimal> history : histories.values()) {
            long first = history.firstKey();
            int x = history.size() - 1;
            double tx = Span.days((history.lastKey() - first) / 86_400.0).in(ModelTimeUnit.WEEKS);
            double t = Span.days((end - first) / 86_400.0).in(ModelTimeUnit.WEEKS);
            rfm.add(x, x == 0 ? 0 : tx, t);
            if (x > 0) {
                BigDecimal repeat = history.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .subtract(history.firstEntry().getValue());
                spend.add(x, repeat.doubleValue() / x);
            }
        }
        assertThat(histories).hasSizeGreaterThan(CUSTOMERS * 99 / 100);

        FitResult<BgNbdModel> bg = new BgNbdFitter().fit(rfm.build());
        for (String p : List.of("r", "alpha", "a", "b")) {
            assertWithinStandardErrors(bg, p, truth.at("/bg_nbd/" + p).asDouble());
        }
        FitResult<GammaGammaModel> gg = new GammaGammaFitter().fit(spend.build());
        for (String p : List.of("p", "q", "gamma")) {
            assertWithinStandardErrors(gg, p, truth.at("/gamma_gamma/" + p).asDouble());
        }
    }

    private static void assertWithinStandardErrors(FitResult<?> fit, String name, double truth) {
        double estimate = fit.estimate(name);
        double se = fit.standardError(name);
        System.out.printf("recovery %s: estimate %.4f (se %.4f), truth %.4f, %.2f se%n", name, estimate, se, truth,
                Math.abs(estimate - truth) / se);
        assertThat(se).as(name + " standard error").isPositive().isLessThan(0.1 * truth);
        assertThat(Math.abs(estimate - truth)).as(name + ": estimate " + estimate + ", truth " + truth + ", se " + se)
                .isLessThanOrEqualTo(STANDARD_ERRORS * se);
    }

    private static void read(Path file, Map<String, Purchase> purchases) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : format.parse(in)) {
                String type = r.get("txn_type");
                String id = r.get("txn_id");
                if (type.isEmpty() || type.equals("purchase")) {
                    purchases.put(id, new Purchase(r.get("customer_id"),
                            OffsetDateTime.parse(r.get("txn_ts")).toEpochSecond(), new BigDecimal(r.get("amount"))));
                } else {
                    purchases.remove(id);
                }
            }
        }
    }
}
