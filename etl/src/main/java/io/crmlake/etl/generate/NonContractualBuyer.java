package io.crmlake.etl.generate;

import java.util.List;

/**
 * Free (non-contractual) buying, BG/NBD (Fader, Hardie &amp; Lee 2005, "Counting your customers the
 * easy way"), time unit WEEKS. Per customer: purchase rate λ ~ Gamma(shape r, rate α) and dropout
 * probability p ~ Beta(a, b). The first purchase (the trial) is at the join time, t = 0; while
 * alive, inter-purchase times are exponential with rate λ; right after each REPEAT purchase the
 * customer drops out with probability p, so a customer without a repeat purchase is still alive.
 *
 * <p>Spend per transaction follows Gamma-Gamma (Colombo &amp; Jiang 1999; Fader &amp; Hardie 2013
 * note): ν ~ Gamma(shape q, rate γ) per customer, each spend z ~ Gamma(shape p, rate ν).
 *
 * <p>Contact causes buying: within {@code upliftDays} after an outbound, non-control, non-failed
 * contact the rate is λ·(1 + uplift). The process is simulated month by month with the
 * time-rescaling trick: each customer carries the unit-exponential hazard mass left until the next
 * purchase, which is exact for a piecewise-constant rate and needs no per-event memory.
 */
final class NonContractualBuyer {

    static final double REFUND_RATE = 0.02;
    static final double PROMOTION_RATE = 0.03;

    private final CustomerBase customers;
    private final ProductCatalog catalog;
    private final OrgChart org;
    private final Window window;
    private final Ids ids;
    private final DeliveryQuirks quirks;
    private final Rng rng;
    private final double uplift;
    private final long upliftSeconds;
    private final double gammaShapeP;
    final double[] lambda; // per week
    final double[] dropout;
    final double[] nu;
    final int[] repeats;
    private final boolean[] alive;
    private final double[] remaining;
    private final long[] boostedUntil;

    NonContractualBuyer(GeneratorSpec spec, CustomerBase customers, ProductCatalog catalog, OrgChart org,
                        Window window, Ids ids, DeliveryQuirks quirks) {
        this.customers = customers;
        this.catalog = catalog;
        this.org = org;
        this.window = window;
        this.ids = ids;
        this.quirks = quirks;
        this.rng = new Rng(spec.seed(), "purchases");
        GeneratorSpec.Model model = spec.model();
        this.uplift = model.uplift();
        this.upliftSeconds = model.upliftDays() * Window.DAY;
        this.gammaShapeP = model.gammaGamma().p();
        int n = customers.size;
        lambda = new double[n];
        dropout = new double[n];
        nu = new double[n];
        repeats = new int[n];
        alive = new boolean[n];
        remaining = new double[n];
        boostedUntil = new long[n];
        Rng params = new Rng(spec.seed(), "bgnbd-params");
        GeneratorSpec.BgNbd bg = model.bgNbd();
        GeneratorSpec.GammaGamma gg = model.gammaGamma();
        for (int i = 0; i < n; i++) {
            if (!customers.contractual[i]) {
                lambda[i] = params.gammaRate(bg.r(), bg.alpha());
                dropout[i] = params.beta(bg.a(), bg.b());
                nu[i] = params.gammaRate(gg.q(), gg.gamma());
            }
        }
    }

    /** The purchases (and refunds due later) of month m. */
    void month(int m, ContactLog contacts, List<Row> out) {
        long monthEnd = window.monthEnd(m);
        for (int i = 0; i < customers.size; i++) {
            if (customers.contractual[i] || customers.joinMonth[i] > m) {
                continue;
            }
            long cur;
            if (customers.joinMonth[i] == m) {
                cur = customers.joinTs[i];
                purchase(i, cur, out); // the trial purchase at t = 0
                alive[i] = true;
                remaining[i] = rng.unitExponential();
            } else if (alive[i]) {
                cur = window.monthStart(m);
            } else {
                continue;
            }
            double perSecond = lambda[i] / Window.WEEK;
            long[] cs = contacts.times(i);
            int k = 0;
            while (alive[i]) {
                while (k < cs.length && cs[k] <= cur) {
                    boostedUntil[i] = Math.max(boostedUntil[i], cs[k] + upliftSeconds);
                    k++;
                }
                boolean boosted = boostedUntil[i] > cur;
                long next = monthEnd;
                if (k < cs.length) {
                    next = Math.min(next, cs[k]);
                }
                if (boosted) {
                    next = Math.min(next, boostedUntil[i]);
                }
                double rate = perSecond * (boosted ? 1 + uplift : 1);
                double mass = rate * (next - cur);
                if (remaining[i] <= mass) {
                    long t = Math.min(next - 1, cur + (long) (remaining[i] / rate));
                    purchase(i, t, out);
                    repeats[i]++;
                    remaining[i] = rng.unitExponential();
                    cur = t;
                    if (rng.chance(dropout[i])) {
                        alive[i] = false; // BG/NBD: dropout right after a repeat purchase
                    }
                } else {
                    remaining[i] -= mass;
                    cur = next;
                    if (cur >= monthEnd) {
                        break;
                    }
                }
            }
        }
    }

    private void purchase(int i, long ts, List<Row> out) {
        double spend = rng.gammaRate(gammaShapeP, nu[i]); // z ~ Gamma(p, ν)
        long amount = Math.max(100, Formats.cents(spend));
        ProductCatalog.Product product = catalog.goods.get(rng.below(catalog.goods.size()));
        int quantity = (int) Math.max(1, Math.min(10, Math.round(amount / (double) product.priceCents())));
        // Margin 20-45 % of revenue; a few loss-making promotions.
        double margin = rng.chance(PROMOTION_RATE) ? rng.uniform(-0.15, -0.02) : rng.uniform(0.20, 0.45);
        long cost = Math.round(amount * (1 - margin));
        String channel = ProductCatalog.CHANNEL_IDS[rng.weighted(ProductCatalog.CHANNEL_WEIGHTS)];
        String outlet = org.outlets.get(customers.outlet[i]).id();
        Row row = Layout.of("transactions").row(ts).set("txn_id", ids.txn()).set("customer_id", CustomerBase.id(i))
                .set("txn_ts", Formats.timestamp(ts, window.offset)).set("amount", Formats.money(amount))
                .set("txn_type", "purchase").set("product_id", product.id()).set("channel_id", channel)
                .set("org_unit_id", outlet).set("quantity", Integer.toString(quantity))
                .set("cost", Formats.money(cost)).set("currency", "CNY");
        out.add(row);
        if (rng.chance(REFUND_RATE)) {
            long refundTs = ts + Window.DAY + rng.belowLong(13 * Window.DAY);
            if (refundTs < window.end()) {
                Row refund = row.copyAt(refundTs).set("txn_id", ids.txn()).set("txn_type", "refund")
                        .set("txn_ts", Formats.timestamp(refundTs, window.offset));
                quirks.schedule(window.monthOf(refundTs), refund);
            }
        }
    }

    boolean aliveAtEnd(int i) {
        return alive[i];
    }
}
