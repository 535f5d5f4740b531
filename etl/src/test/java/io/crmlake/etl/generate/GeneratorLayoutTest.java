package io.crmlake.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder layout and the contract, checked on a clean six-month run. */
class GeneratorLayoutTest {

    private static final int MONTHS = 6;
    private static final List<String> BATCHES = List.of("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06");

    @TempDir
    static Path root;

    @BeforeAll
    static void generate() {
        Generator.generate(GeneratorSpec.of(4000, MONTHS, 3L), root);
    }

    @Test
    void everyBatchFolderHoldsOneCsvAndAnEmptySuccessMarker() throws Exception {
        for (LandingEntity e : Catalog.get().landingEntities()) {
            List<Path> batches = LandingFiles.batches(root, e.name());
            assertThat(batches).as(e.name()).isNotEmpty();
            for (Path b : batches) {
                assertThat(b.getFileName().toString()).isIn(BATCHES);
                try (var files = Files.list(b)) {
                    assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                            .containsExactlyInAnyOrder(e.name() + "-" + b.getFileName() + ".csv", "_SUCCESS");
                }
                assertThat(Files.size(b.resolve("_SUCCESS"))).isZero();
            }
        }
    }

    @Test
    void batchesPerEntityFollowTheBusinessCalendar() {
        for (String every : List.of("customers", "transactions", "touchpoints", "account_balances", "campaigns")) {
            assertThat(names(LandingFiles.batches(root, every))).as(every).isEqualTo(BATCHES);
        }
        for (String reference : List.of("products", "channels", "org_units", "staff")) {
            assertThat(names(LandingFiles.batches(root, reference))).as(reference).containsExactly("2024-01");
        }
        for (Path b : LandingFiles.batches(root, "campaigns")) {
            for (byte[] line : LandingFiles.rawLines(LandingFiles.file(b, "campaigns")).subList(1, 4)) {
                String start = LandingFiles.split(new String(line, StandardCharsets.UTF_8)).get(4);
                assertThat(start).startsWith(b.getFileName().toString());
            }
        }
    }

    @Test
    void headersAreTheContractAndEveryRowIsValid() {
        for (LandingEntity e : Catalog.get().landingEntities()) {
            for (Path b : LandingFiles.batches(root, e.name())) {
                List<byte[]> lines = LandingFiles.rawLines(LandingFiles.file(b, e.name()));
                assertThat(new String(lines.get(0), StandardCharsets.UTF_8)).isEqualTo(String.join(",", e.fieldNames()));
                for (int n = 2; n <= lines.size(); n++) {
                    String text = new String(lines.get(n - 1), StandardCharsets.UTF_8);
                    assertThat(text).doesNotContain("\r");
                    assertThat(LandingFiles.checkRow(e, LandingFiles.split(text))).as(b + " line " + n + ": " + text).isEmpty();
                }
            }
        }
    }

    @Test
    void transactionsHappenInTheirBatchMonthExceptLateOnesAndCorrections() {
        Map<String, String> firstAmount = new HashMap<>();
        int late = 0;
        int corrected = 0;
        for (Path b : LandingFiles.batches(root, "transactions")) {
            String batch = b.getFileName().toString();
            for (byte[] raw : dataLines(b, "transactions")) {
                List<String> f = LandingFiles.split(new String(raw, StandardCharsets.UTF_8));
                String month = f.get(2).substring(0, 7);
                String before = firstAmount.putIfAbsent(f.get(0), f.get(3));
                if (before != null) {
                    corrected++;
                    assertThat(f.get(3)).isNotEqualTo(before);
                    assertThat(month).isLessThan(batch);
                } else if (!month.equals(batch)) {
                    late++;
                    assertThat(month).isLessThan(batch);
                }
            }
        }
        assertThat(late).isPositive();
        assertThat(corrected).isPositive();
    }

    @Test
    void customersHaveSeveralVersionsAndSomeArriveAfterTheirFirstTransaction() {
        Map<String, Integer> versions = new TreeMap<>();
        Map<String, String> firstBatch = new HashMap<>();
        for (Path b : LandingFiles.batches(root, "customers")) {
            for (byte[] raw : dataLines(b, "customers")) {
                String id = LandingFiles.split(new String(raw, StandardCharsets.UTF_8)).get(0);
                versions.merge(id, 1, Integer::sum);
                firstBatch.putIfAbsent(id, b.getFileName().toString());
            }
        }
        assertThat(versions).hasSize(4000);
        assertThat(versions.values().stream().filter(v -> v >= 3).count()).isGreaterThan(10);
        Map<String, String> firstTxnBatch = new HashMap<>();
        for (Path b : LandingFiles.batches(root, "transactions")) {
            for (byte[] raw : dataLines(b, "transactions")) {
                firstTxnBatch.putIfAbsent(LandingFiles.split(new String(raw, StandardCharsets.UTF_8)).get(1), b.getFileName().toString());
            }
        }
        long lateCustomers = firstTxnBatch.entrySet().stream()
                .filter(t -> t.getValue().compareTo(firstBatch.get(t.getKey())) < 0).count();
        assertThat(lateCustomers).isPositive();
    }

    @Test
    void businessValuesArePlausible() {
        List<List<String>> customers = LandingFiles.rows(root, "customers");
        long contractual = customers.stream().filter(r -> r.get(12).equals("contractual")).map(r -> r.get(0)).distinct().count();
        assertThat(contractual / 4000.0).isBetween(0.35, 0.45);
        assertThat(customers.stream().filter(r -> r.get(14).equals("true")).count() / (double) customers.size()).isBetween(0.8, 0.97);
        assertThat(customers.get(0).get(6)).isIn("上海", "杭州", "南京", "苏州", "广州", "深圳", "厦门", "北京", "天津", "济南",
                "成都", "重庆", "昆明", "武汉", "长沙", "郑州");
        for (List<String> c : customers) {
            OffsetDateTime updated = OffsetDateTime.parse(c.get(1));
            assertThat(updated.getOffset().getId()).isEqualTo("+08:00");
            assertThat(LocalDate.parse(c.get(10))).isBeforeOrEqualTo(updated.toLocalDate());
        }
        int purchases = 0;
        int lowMargin = 0;
        int bills = 0;
        int above80 = 0;
        for (List<String> t : LandingFiles.rows(root, "transactions")) {
            BigDecimal amount = new BigDecimal(t.get(3));
            BigDecimal cost = new BigDecimal(t.get(9));
            if (t.get(4).equals("purchase")) {
                purchases++;
                double margin = amount.subtract(cost).doubleValue() / amount.doubleValue();
                if (margin < 0.195 || margin > 0.455) {
                    lowMargin++;
                }
            } else if (t.get(4).equals("bill")) {
                bills++;
                above80 += amount.compareTo(new BigDecimal("80.00")) > 0 ? 1 : 0;
            }
        }
        assertThat(lowMargin / (double) purchases).as("promotions outside 20-45 %% margin").isBetween(0.005, 0.08);
        assertThat(above80 / (double) bills).isBetween(0.45, 0.75);
    }

    @Test
    void englishLocaleUsesEnglishWords() {
        Path en = root.resolveSibling(root.getFileName() + "-en");
        Generator.generate(GeneratorSpec.of(300, 1, 3L).withLocale("en"), en);
        List<List<String>> rows = LandingFiles.rows(en, "customers");
        assertThat(rows.get(0).get(7)).isIn("East", "South", "North", "Southwest", "Central");
        assertThat(rows.get(0).get(2)).matches("[A-Za-z]+ [A-Za-z]+|.*Trading Co\\. \\d+");
    }

    private static List<byte[]> dataLines(Path batch, String entity) {
        List<byte[]> lines = LandingFiles.rawLines(LandingFiles.file(batch, entity));
        return lines.subList(1, lines.size());
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
