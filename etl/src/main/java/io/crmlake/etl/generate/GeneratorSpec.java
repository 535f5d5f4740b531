package io.crmlake.etl.generate;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to generate: how many customers over how many months, from which seed, how dirty, in
 * which language. The same spec always produces byte-identical landing files.
 *
 * @param customers        customers joining inside the window (all of them join in it)
 * @param months           number of monthly batches, starting at {@code startMonth}
 * @param seed             seed of every random stream
 * @param dirtyRate        extra defective rows per good row in customers, transactions,
 *                         touchpoints and accounts files (0 = clean)
 * @param locale           "zh" (Chinese names, cities, labels) or "en"
 * @param startMonth       first batch month
 * @param contractualShare share of customers with a contract (account, bills, sBG churn)
 * @param offset           UTC offset of every timestamp written
 * @param model            the behavioural parameters (BG/NBD, Gamma-Gamma, sBG, uplift)
 */
public record GeneratorSpec(
        int customers,
        int months,
        long seed,
        double dirtyRate,
        String locale,
        YearMonth startMonth,
        double contractualShare,
        ZoneOffset offset,
        Model model) {

    public static final YearMonth DEFAULT_START = YearMonth.of(2024, 1);
    public static final double DEFAULT_CONTRACTUAL_SHARE = 0.4;
    public static final ZoneOffset DEFAULT_OFFSET = ZoneOffset.ofHours(8);

    public GeneratorSpec {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, got " + customers);
        }
        if (months < 1 || months > 240) {
            throw new IllegalArgumentException("months must be between 1 and 240, got " + months);
        }
        if (!(dirtyRate >= 0 && dirtyRate <= 0.5)) {
            throw new IllegalArgumentException("dirty rate must be between 0 and 0.5, got " + dirtyRate);
        }
        locale = locale == null ? "zh" : locale;
        if (!locale.equals("zh") && !locale.equals("en")) {
            throw new IllegalArgumentException("locale must be zh or en, got '" + locale + "'");
        }
        startMonth = startMonth == null ? DEFAULT_START : startMonth;
        if (!(contractualShare >= 0 && contractualShare <= 1)) {
            throw new IllegalArgumentException("contractual share must be between 0 and 1, got " + contractualShare);
        }
        offset = offset == null ? DEFAULT_OFFSET : offset;
        model = model == null ? Model.DEFAULTS : model;
    }

    /** Defaults for everything but size, window and seed: clean, Chinese, from 2024-01. */
    public static GeneratorSpec of(int customers, int months, long seed) {
        return new GeneratorSpec(customers, months, seed, 0.0, "zh", DEFAULT_START,
                DEFAULT_CONTRACTUAL_SHARE, DEFAULT_OFFSET, Model.DEFAULTS);
    }

    public GeneratorSpec withDirtyRate(double rate) {
        return new GeneratorSpec(customers, months, seed, rate, locale, startMonth, contractualShare, offset, model);
    }

    public GeneratorSpec withLocale(String value) {
        return new GeneratorSpec(customers, months, seed, dirtyRate, value, startMonth, contractualShare, offset, model);
    }

    public GeneratorSpec withStartMonth(YearMonth value) {
        return new GeneratorSpec(customers, months, seed, dirtyRate, locale, value, contractualShare, offset, model);
    }

    public GeneratorSpec withContractualShare(double value) {
        return new GeneratorSpec(customers, months, seed, dirtyRate, locale, startMonth, value, offset, model);
    }

    public GeneratorSpec withOffset(ZoneOffset value) {
        return new GeneratorSpec(customers, months, seed, dirtyRate, locale, startMonth, contractualShare, value, model);
    }

    public GeneratorSpec withModel(Model value) {
        return new GeneratorSpec(customers, months, seed, dirtyRate, locale, startMonth, contractualShare, offset, value);
    }

    public boolean chinese() {
        return locale.equals("zh");
    }

    /**
     * The behavioural model. Defaults: BG/NBD r, α, a, b as fitted to CDNOW in Fader, Hardie &amp;
     * Lee (2005), time unit weeks; Gamma-Gamma p, q, γ chosen so the mean spend
     * p·γ/(q−1) ≈ 399 CNY; sBG α, β per month so the mean monthly churn α/(α+β) ≈ 7.6 %;
     * a campaign contact multiplies the purchase rate by (1 + uplift) for {@code upliftDays}.
     */
    public record Model(
            BgNbd bgNbd,
            GammaGamma gammaGamma,
            ShiftedBetaGeometric sbg,
            double uplift,
            int upliftDays,
            double arpuMedian) {

        public static final Model DEFAULTS = new Model(BgNbd.CDNOW, GammaGamma.DEFAULTS,
                ShiftedBetaGeometric.DEFAULTS, 0.3, 30, 90.0);

        public Model {
            Objects.requireNonNull(bgNbd, "bgNbd");
            Objects.requireNonNull(gammaGamma, "gammaGamma");
            Objects.requireNonNull(sbg, "sbg");
            if (!(uplift >= 0) || upliftDays < 0 || !(arpuMedian > 0)) {
                throw new IllegalArgumentException("uplift, upliftDays must be >= 0 and arpuMedian > 0");
            }
        }

        public Model withUplift(double value) {
            return new Model(bgNbd, gammaGamma, sbg, value, upliftDays, arpuMedian);
        }
    }

    /** BG/NBD: purchase rate λ ~ Gamma(shape r, rate α) per week, dropout p ~ Beta(a, b). */
    public record BgNbd(double r, double alpha, double a, double b) {
        public static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

        public BgNbd {
            positive(r, alpha, a, b);
        }
    }

    /** Gamma-Gamma spend: ν ~ Gamma(shape q, rate γ), each spend z ~ Gamma(shape p, rate ν). */
    public record GammaGamma(double p, double q, double gamma) {
        public static final GammaGamma DEFAULTS = new GammaGamma(6.25, 3.74, 175.0);

        public GammaGamma {
            positive(p, q, gamma);
        }
    }

    /** Shifted-beta-geometric churn: θ ~ Beta(α, β), the account closes each month with probability θ. */
    public record ShiftedBetaGeometric(double alpha, double beta) {
        public static final ShiftedBetaGeometric DEFAULTS = new ShiftedBetaGeometric(0.9, 11.0);

        public ShiftedBetaGeometric {
            positive(alpha, beta);
        }
    }

    private static void positive(double... values) {
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("model parameters must be positive and finite, got " + v);
            }
        }
    }
}
