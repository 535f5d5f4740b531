package io.crmlake.etl.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Contractual customers (subscriptions): an account opened at join, billed every month it is
 * open, churning by the shifted-beta-geometric process (Fader &amp; Hardie 2007, "How to project
 * customer retention"): per customer θ ~ Beta(α, β); at the start of every month after the opening
 * month the account fails to renew with probability θ, so the number of billed months T is
 * P(T = t | θ) = θ(1 − θ)^(t−1). A closing writes a new accounts row (status closed, close_date,
 * later updated_at) early in the month and no bill follows.
 *
 * <p>ARPU: a per-customer level, lognormal with the spec's median (90 CNY) and σ = 0.45, so about
 * 60 % of accounts sit above 80 and 40 % below; each month's bill varies ±8 % around it.
 * Prepaid balances burn down by the bill and are topped up (usually) when running low.
 */
final class ContractualSubscriber {

    static final double ARPU_SIGMA = 0.45;
    static final double PREPAID_SHARE = 0.5;

    private final CustomerBase customers;
    private final ProductCatalog catalog;
    private final OrgChart org;
    private final Window window;
    private final Ids ids;
    private final Rng rng;
    final double[] theta;
    final double[] arpu;
    private final String[] accountId;
    private final String[] plan;
    private final boolean[] prepaid;
    private final LocalDate[] contractEnd;
    private final long[] balanceCents;
    final int[] closedMonth; // -1 = open (or never opened)
    private int closures;

    ContractualSubscriber(GeneratorSpec spec, CustomerBase customers, ProductCatalog catalog, OrgChart org,
                          Window window, Ids ids) {
        this.customers = customers;
        this.catalog = catalog;
        this.org = org;
        this.window = window;
        this.ids = ids;
        this.rng = new Rng(spec.seed(), "subscriptions");
        int n = customers.size;
        theta = new double[n];
        arpu = new double[n];
        accountId = new String[n];
        plan = new String[n];
        prepaid = new boolean[n];
        contractEnd = new LocalDate[n];
        balanceCents = new long[n];
        closedMonth = new int[n];
        java.util.Arrays.fill(closedMonth, -1);
        Rng params = new Rng(spec.seed(), "sbg-params");
        GeneratorSpec.ShiftedBetaGeometric sbg = spec.model().sbg();
        for (int i = 0; i < n; i++) {
            if (customers.contractual[i]) {
                theta[i] = params.beta(sbg.alpha(), sbg.beta());
                arpu[i] = params.logNormal(spec.model().arpuMedian(), ARPU_SIGMA);
                prepaid[i] = params.chance(PREPAID_SHARE);
            }
        }
    }

    /** True when customer i holds an open account at the start of month m (the company knows it). */
    boolean activeAtStartOf(int i, int m) {
        return customers.contractual[i] && customers.joinMonth[i] < m && (closedMonth[i] < 0 || closedMonth[i] >= m);
    }

    boolean contractEndsIn(int i, YearMonth month) {
        return contractEnd[i] != null && YearMonth.from(contractEnd[i]).equals(month);
    }

    /** Openings, closings, bills and month-end balances of month m. */
    void month(int m, List<Row> accounts, List<Row> bills, List<Row> balances) {
        Layout acc = Layout.of("accounts");
        for (int i = 0; i < customers.size; i++) {
            if (!customers.contractual[i] || customers.joinMonth[i] > m || closedMonth[i] >= 0) {
                continue;
            }
            if (customers.joinMonth[i] == m) {
                long ts = customers.joinTs[i];
                LocalDate open = Formats.localDate(ts, window.offset);
                accountId[i] = ids.account();
                plan[i] = catalog.planFor(arpu[i]).id();
                contractEnd[i] = open.plusMonths(rng.chance(0.6) ? 12 : 24);
                balanceCents[i] = prepaid[i] ? 100_00L * rng.between(1, 3) : 0;
                accounts.add(accountRow(acc, i, ts, open).set("status", "active"));
            } else if (rng.chance(theta[i])) {
                long ts = window.monthStart(m) + rng.belowLong(7 * Window.DAY);
                accounts.add(accountRow(acc, i, ts, Formats.localDate(customers.joinTs[i], window.offset))
                        .set("status", "closed").set("close_date", Formats.date(Formats.localDate(ts, window.offset))));
                closedMonth[i] = m;
                closures++;
                continue;
            }
            bill(i, m, bills, balances);
        }
    }

    private Row accountRow(Layout acc, int i, long ts, LocalDate open) {
        return acc.row(ts).set("account_id", accountId[i]).set("customer_id", CustomerBase.id(i))
                .set("product_id", plan[i]).set("open_date", Formats.date(open))
                .set("contract_end_date", Formats.date(contractEnd[i])).set("billing", prepaid[i] ? "prepaid" : "postpaid")
                .set("updated_at", Formats.timestamp(ts, window.offset));
    }

    private void bill(int i, int m, List<Row> bills, List<Row> balances) {
        LocalDate last = window.lastDay(m);
        long ts = window.epochSecond(last, 2) + rng.below(3600);
        long amount = Math.max(100, Formats.cents(arpu[i] * Math.exp(rng.normal(0, 0.08))));
        long cost = Math.round(amount * rng.uniform(0.40, 0.65));
        bills.add(Layout.of("transactions").row(ts).set("txn_id", ids.txn()).set("customer_id", CustomerBase.id(i))
                .set("txn_ts", Formats.timestamp(ts, window.offset)).set("amount", Formats.money(amount))
                .set("txn_type", "bill").set("product_id", plan[i])
                .set("org_unit_id", org.outlets.get(customers.outlet[i]).id()).set("quantity", "1")
                .set("cost", Formats.money(cost)).set("currency", "CNY"));
        String balance = null;
        if (prepaid[i]) {
            // Top up (in 50-yuan steps) when the balance would not cover the month; some forget.
            if (balanceCents[i] < amount + 20_00L && rng.chance(0.85)) {
                long need = amount + 20_00L - balanceCents[i];
                balanceCents[i] += ((need + 49_99L) / 50_00L + rng.below(3)) * 50_00L;
            }
            balanceCents[i] = Math.max(0, balanceCents[i] - amount);
            balance = Formats.money(balanceCents[i]);
        }
        int usage = (int) Math.round(amount / 100.0 * rng.uniform(0.6, 1.6));
        balances.add(Layout.of("account_balances").row(ts).set("account_id", accountId[i])
                .set("as_of_date", Formats.date(last)).set("balance", balance)
                .set("revenue", Formats.money(amount)).set("usage_count", Integer.toString(usage)));
    }

    int closures() {
        return closures;
    }
}
