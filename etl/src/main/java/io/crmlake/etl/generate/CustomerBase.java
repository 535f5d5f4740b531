package io.crmlake.etl.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The customers: who joins when, their profile, and how it changes. Kept as compact parallel
 * arrays (index = customer number - 1; ids are assigned in join order), so 100,000 customers cost
 * a few megabytes. Each customers row is the full state at updated_at; a share of customers later
 * changes tier, city (and region) or owner, which gives the SCD2 dimension several versions.
 */
final class CustomerBase {

    /** Monthly probability that a customer's source record changes (tier, city or owner). */
    static final double CHANGE_RATE = 0.045;
    /** Share of the window's customers that join in the first month (the base already there). */
    static final double FIRST_MONTH_SHARE = 0.25;

    private static final ObjectMapper JSON = new ObjectMapper();

    final int size;
    final long[] joinTs;
    final int[] joinMonth;
    final boolean[] contractual;
    final int[] outlet;
    final int[] birthMonth; // 1..12, 0 = unknown
    final boolean[] consentSms;
    final boolean[] consentPhone;
    final boolean[] consentEmail;
    final String[] owner;
    private final String[] name;
    private final String[] gender;
    private final LocalDate[] birth;
    private final String[] phone;
    private final int[] city; // index into cities
    private final boolean[] corporate;
    private final byte[] tier;
    private final String[] attributes;
    final boolean[] lateFirstRow;
    private final List<String[]> cities;
    private final OrgChart org;
    private final Vocabulary words;
    private final Window window;
    private final Rng changes;
    private List<Row> deferred = new ArrayList<>();
    private int changeCount;
    private int lateCount;

    CustomerBase(GeneratorSpec spec, Window window, OrgChart org, Vocabulary words) {
        this.size = spec.customers();
        this.window = window;
        this.org = org;
        this.words = words;
        this.cities = OrgChart.cityRegions(words);
        this.changes = new Rng(spec.seed(), "customer-changes");
        Rng rng = new Rng(spec.seed(), "customers");
        joinTs = new long[size];
        double[] weights = new double[window.months];
        Arrays.fill(weights, window.months == 1 ? 1 : (1 - FIRST_MONTH_SHARE) / (window.months - 1));
        weights[0] = window.months == 1 ? 1 : FIRST_MONTH_SHARE;
        for (int i = 0; i < size; i++) {
            joinTs[i] = window.randomTime(rng.weighted(weights), rng, 8, 22);
        }
        Arrays.sort(joinTs); // ids follow join order: C00000001 is the earliest customer
        joinMonth = new int[size];
        contractual = new boolean[size];
        outlet = new int[size];
        birthMonth = new int[size];
        consentSms = new boolean[size];
        consentPhone = new boolean[size];
        consentEmail = new boolean[size];
        owner = new String[size];
        name = new String[size];
        gender = new String[size];
        birth = new LocalDate[size];
        phone = new String[size];
        city = new int[size];
        corporate = new boolean[size];
        tier = new byte[size];
        attributes = new String[size];
        lateFirstRow = new boolean[size];
        double[] tierWeights = {0.60, 0.25, 0.12, 0.03};
        LocalDate ref = window.start.atDay(1);
        for (int i = 0; i < size; i++) {
            joinMonth[i] = window.monthOf(joinTs[i]);
            contractual[i] = rng.chance(spec.contractualShare());
            outlet[i] = rng.below(org.outlets.size());
            OrgChart.Outlet o = org.outlets.get(outlet[i]);
            corporate[i] = rng.chance(0.05);
            if (corporate[i]) {
                name[i] = words.companyCustomerName(rng, i + 1);
                gender[i] = "U";
            } else {
                name[i] = words.personName(rng);
                double g = rng.uniform();
                gender[i] = g < 0.48 ? "M" : g < 0.96 ? "F" : "U";
                birth[i] = ref.minusYears(rng.between(18, 75)).minusDays(rng.below(365));
                birthMonth[i] = birth[i].getMonthValue();
            }
            phone[i] = words.phone(rng);
            city[i] = rng.chance(0.85) ? cityIndex(o.city()) : rng.below(cities.size());
            owner[i] = rng.chance(contractual[i] ? 0.7 : 0.4) ? rng.pick(o.accountManagers()) : null;
            tier[i] = (byte) rng.weighted(tierWeights);
            consentSms[i] = rng.chance(0.90);
            consentPhone[i] = rng.chance(0.80);
            consentEmail[i] = rng.chance(0.70);
            attributes[i] = attributes(rng, i, ref);
            lateFirstRow[i] = joinMonth[i] < window.months - 1 && rng.chance(0.01);
        }
    }

    static String id(int i) {
        return String.format("C%08d", i + 1);
    }

    private int cityIndex(String c) {
        for (int k = 0; k < cities.size(); k++) {
            if (cities.get(k)[0].equals(c)) {
                return k;
            }
        }
        throw new IllegalStateException("unknown city " + c);
    }

    private String attributes(Rng rng, int i, LocalDate ref) {
        ObjectNode node = JSON.createObjectNode();
        if (corporate[i]) {
            node.put("industry", words.text(rng.pick(new String[] {"制造业", "零售", "物流", "餐饮"}),
                    rng.pick(new String[] {"manufacturing", "retail", "logistics", "catering"})));
        } else {
            node.put("occupation", rng.pick(words.occupations));
            if (rng.chance(0.3)) {
                node.put("child_birth_date", Formats.date(ref.minusDays(rng.below(15 * 365))));
            }
        }
        if (rng.chance(0.5)) {
            node.put("aum_band", rng.pick(words.aumBands));
        }
        return node.toString(); // compact JSON, insertion order
    }

    /** The full state of customer i as a customers row valid from {@code updatedAt}. */
    Row render(int i, long updatedAt) {
        String[] cr = cities.get(city[i]);
        return Layout.of("customers").row(updatedAt)
                .set("customer_id", id(i))
                .set("updated_at", Formats.timestamp(updatedAt, window.offset))
                .set("name", name[i])
                .set("gender", gender[i])
                .set("birth_date", birth[i] == null ? null : Formats.date(birth[i]))
                .set("phone", phone[i])
                .set("city", cr[0])
                .set("region", cr[1])
                .set("org_unit_id", org.outlets.get(outlet[i]).id())
                .set("owner_staff_id", owner[i])
                .set("join_date", Formats.date(Formats.localDate(joinTs[i], window.offset)))
                .set("customer_type", corporate[i] ? "corporate" : "individual")
                .set("relationship", contractual[i] ? "contractual" : "non_contractual")
                .set("tier", words.tiers.get(tier[i]))
                .set("consent_sms", Formats.bool(consentSms[i]))
                .set("consent_phone", Formats.bool(consentPhone[i]))
                .set("consent_email", Formats.bool(consentEmail[i]))
                .set("attributes", attributes[i]);
    }

    /**
     * The customers rows of month m: first rows of this month's joiners (a late customer's first
     * row is held back one batch), last month's held-back rows, then the month's profile changes.
     */
    List<Row> rowsFor(int m) {
        List<Row> out = new ArrayList<>(deferred);
        deferred = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (joinMonth[i] == m) {
                Row first = render(i, joinTs[i]);
                if (lateFirstRow[i]) {
                    deferred.add(first); // arrives one batch after the customer's first transaction
                    lateCount++;
                } else {
                    out.add(first);
                }
            } else if (joinMonth[i] < m && changes.chance(CHANGE_RATE)) {
                long ts = window.randomTime(m, changes, 0, 24);
                change(i);
                out.add(render(i, ts));
                changeCount++;
            }
        }
        return out;
    }

    private void change(int i) {
        double u = changes.uniform();
        if (u < 0.5) {
            int top = words.tiers.size() - 1;
            boolean up = tier[i] == 0 || (tier[i] < top && changes.chance(0.6));
            tier[i] = (byte) (tier[i] + (up ? 1 : -1)); // one step up or down, never out of range
        } else if (u < 0.75) {
            int c = changes.below(cities.size() - 1);
            city[i] = c >= city[i] ? c + 1 : c; // always a different city (and maybe region)
        } else {
            List<String> am = org.outlets.get(outlet[i]).accountManagers();
            String next = am.get(changes.below(am.size()));
            owner[i] = next.equals(owner[i]) ? am.get((am.indexOf(next) + 1) % am.size()) : next;
        }
    }

    int changeCount() {
        return changeCount;
    }

    int lateCount() {
        return lateCount;
    }

    boolean consents(int i, String channel) {
        return switch (channel) {
            case "sms" -> consentSms[i];
            case "phone" -> consentPhone[i];
            case "email" -> consentEmail[i];
            default -> true; // the contract keeps no consent flag for the other channels
        };
    }
}
