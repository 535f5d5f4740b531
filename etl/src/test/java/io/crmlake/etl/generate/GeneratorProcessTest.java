package io.crmlake.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated processes match their models: BG/NBD parameter draws and repeat purchase counts,
 * sBG retention, and a contact uplift that shows against the control group.
 */
class GeneratorProcessTest {

    private static final GeneratorSpec.BgNbd BG = GeneratorSpec.BgNbd.CDNOW;
    private static final GeneratorSpec.ShiftedBetaGeometric SBG = GeneratorSpec.ShiftedBetaGeometric.DEFAULTS;

    @TempDir
    static Path tmp;
    private static Path withoutUplift;

    /** The pure BG/NBD run (uplift 0), shared by the tests that read it. */
    private static synchronized Path withoutUplift() {
        if (withoutUplift == null) {
            withoutUplift = tmp.resolve("bgnbd");
            Generator.generate(buyers(0), withoutUplift);
        }
        return withoutUplift;
    }

    private static GeneratorSpec buyers(double uplift) {
        GeneratorSpec s = GeneratorSpec.of(20_000, 24, 2024L).withContractualShare(0);
        return s.withModel(s.model().withUplift(uplift));
    }

    @Test
    void bgNbdDrawsAndRepeatPurchasesMatchTheModel() {
        Path root = withoutUplift();
        List<List<String>> truth = customerTruth(root);
        double[] lambda = truth.stream().mapToDouble(r -> Double.parseDouble(r.get(3))).toArray();
        double[] p = truth.stream().mapToDouble(r -> Double.parseDouble(r.get(4))).toArray();
        int n = lambda.length;
        assertThat(n).isEqualTo(20_000);
        // E[λ] = r/α, Var = r/α²;  E[p] = a/(a+b), Var = ab/((a+b)²(a+b+1)).
        assertThat(mean(lambda)).isCloseTo(BG.r() / BG.alpha(), org.assertj.core.data.Offset.offset(
                4 * Math.sqrt(BG.r()) / BG.alpha() / Math.sqrt(n)));
        double ab = BG.a() + BG.b();
        assertThat(mean(p)).isCloseTo(BG.a() / ab, org.assertj.core.data.Offset.offset(
                4 * Math.sqrt(BG.a() * BG.b() / (ab * ab * (ab + 1)) / n)));

        // Repeat purchases observed in the files (corrections counted once) against E[X(T)].
        Map<String, Set<String>> purchases = new HashMap<>();
        for (List<String> t : LandingFiles.rows(root, "transactions")) {
            if (t.get(4).equals("purchase")) {
                purchases.computeIfAbsent(t.get(1), k -> new HashSet<>()).add(t.get(0));
            }
        }
        long end = OffsetDateTime.parse("2026-01-01T00:00:00+08:00").toEpochSecond();
        double[] observed = new double[n];
        double expected = 0;
        for (int i = 0; i < n; i++) {
            List<String> r = truth.get(i);
            observed[i] = purchases.get(r.get(0)).size() - 1; // minus the trial
            assertThat((int) observed[i]).as(r.get(0)).isEqualTo(Integer.parseInt(r.get(6)));
            double weeks = (end - OffsetDateTime.parse(r.get(2)).toEpochSecond()) / 604_800.0;
            expected += expectedRepeats(weeks) / n;
        }
        double sd = Math.sqrt(variance(observed));
        assertThat(mean(observed)).isCloseTo(expected, org.assertj.core.data.Offset.offset(4 * sd / Math.sqrt(n)));
        assertThat(expected).isBetween(0.5, 3.0);
    }

    @Test
    void contactUpliftShowsAgainstTheControlGroup() {
        Path with = tmp.resolve("uplift");
        Generator.generate(buyers(1.0), with);
        // Other contacts (holiday, birthday, visits) boost the control group's window too, so the
        // measured ratio (about 1.6 here) is below 1 + uplift; without uplift it is about 1.0.
        assertThat(treatedOverControl(with)).isBetween(1.35, 2.1);
    }

    @Test
    void withoutUpliftTreatedAndControlBuyAlike() {
        assertThat(treatedOverControl(withoutUplift())).isBetween(0.85, 1.15);
    }

    @Test
    void sbgRetentionMatchesTheModel() {
        Path root = tmp.resolve("sbg");
        Generator.generate(GeneratorSpec.of(12_000, 13, 99L).withContractualShare(1.0), root);
        double[] theta = customerTruth(root).stream().mapToDouble(r -> Double.parseDouble(r.get(8))).toArray();
        double ab = SBG.alpha() + SBG.beta();
        assertThat(mean(theta)).isCloseTo(SBG.alpha() / ab, org.assertj.core.data.Offset.offset(
                4 * Math.sqrt(SBG.alpha() * SBG.beta() / (ab * ab * (ab + 1)) / theta.length)));

        Set<String> cohort = new HashSet<>();
        for (List<String> a : LandingFiles.rows(root, "accounts")) {
            if (a.get(3).startsWith("2024-01") && a.get(7).equals("active")) {
                cohort.add(a.get(0));
            }
        }
        for (int k : new int[] {1, 6, 12}) {
            String batch = java.time.YearMonth.of(2024, 1).plusMonths(k).toString();
            long billed = LandingFiles.rows(root, "account_balances").stream()
                    .filter(b -> b.get(1).startsWith(batch) && cohort.contains(b.get(0))).count();
            // sBG survival to the k-th renewal: Π_{i<k} (β+i)/(α+β+i)
            double s = 1;
            for (int i = 0; i < k; i++) {
                s *= (SBG.beta() + i) / (ab + i);
            }
            double se = Math.sqrt(s * (1 - s) / cohort.size());
            assertThat(billed / (double) cohort.size()).as("retained after " + k + " renewals")
                    .isCloseTo(s, org.assertj.core.data.Offset.offset(4 * se));
        }
    }

    /** Mean purchases within 30 days after a promotion contact: non-control over control. */
    private static double treatedOverControl(Path root) {
        Map<String, List<Long>> buys = new HashMap<>();
        for (List<String> t : LandingFiles.rows(root, "transactions")) {
            if (t.get(4).equals("purchase")) {
                buys.computeIfAbsent(t.get(1), k -> new ArrayList<>()).add(OffsetDateTime.parse(t.get(2)).toEpochSecond());
            }
        }
        Map<String, long[]> sorted = new HashMap<>();
        buys.forEach((c, l) -> sorted.put(c, l.stream().mapToLong(Long::longValue).sorted().toArray()));
        long end = OffsetDateTime.parse("2026-01-01T00:00:00+08:00").toEpochSecond();
        double[] sum = new double[2];
        int[] count = new int[2];
        for (List<String> tp : LandingFiles.rows(root, "touchpoints")) {
            long ts = OffsetDateTime.parse(tp.get(2)).toEpochSecond();
            if (!tp.get(5).equals("promotion") || ts + 30 * 86_400L > end) {
                continue;
            }
            int group = tp.get(11).equals("true") ? 0 : 1;
            long[] b = sorted.getOrDefault(tp.get(1), new long[0]);
            int from = upper(b, ts);
            int to = upper(b, ts + 30 * 86_400L);
            sum[group] += to - from;
            count[group]++;
        }
        assertThat(count[0]).isGreaterThan(5000);
        assertThat(count[1] / (double) (count[0] + count[1])).isBetween(0.85, 0.95);
        double ratio = (sum[1] / count[1]) / (sum[0] / count[0]);
        return ratio;
    }

    private static int upper(long[] a, long key) {
        int i = Arrays.binarySearch(a, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i < a.length && a[i] == key) {
            i++;
        }
        return i;
    }

    /** BG/NBD E[X(t)] (Fader, Hardie &amp; Lee 2005, eq. 9) with the Gaussian hypergeometric series. */
    static double expectedRepeats(double t) {
        double r = BG.r();
        double alpha = BG.alpha();
        double a = BG.a();
        double b = BG.b();
        double z = t / (alpha + t);
        double c = a + b - 1;
        double term = 1;
        double sum = 1;
        for (int j = 0; j < 200_000 && Math.abs(term) > 1e-15; j++) {
            term *= (r + j) * (b + j) / ((c + j) * (j + 1)) * z;
            sum += term;
        }
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * sum);
    }

    private static List<List<String>> customerTruth(Path root) {
        List<byte[]> lines = LandingFiles.rawLines(root.resolve("_generator/customer_truth.csv"));
        List<List<String>> out = new ArrayList<>();
        for (byte[] l : lines.subList(1, lines.size())) {
            out.add(Arrays.asList(new String(l, java.nio.charset.StandardCharsets.UTF_8).split(",", -1)));
        }
        return out;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }
}
