package io.crmlake.etl.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Campaigns and the other contacts with customers (touchpoints). Each month: a promotion to
 * non-contractual customers with a 10 % control group (recorded, not contacted), a retention
 * call campaign to contractual customers (control group every other month), birthday greetings
 * in the birthday month, holiday greetings in festival months, maturity calls before a contract
 * ends, care visits by account managers and inbound service calls. Campaigns respect consent,
 * except for a small leak (2 %) that the care mart is meant to flag. Outbound non-control contacts
 * that did not fail are logged in a {@link ContactLog}: they raise the purchase rate (uplift).
 */
final class Campaigns {

    static final double CONTROL_SHARE = 0.10;
    static final double CONSENT_LEAK = 0.02;

    private static final Map<String, Long> COST_CENTS = Map.of("sms", 5L, "email", 1L, "wechat", 2L, "app", 0L,
            "phone", 250L, "visit", 3000L, "event", 5000L, "mail", 300L);
    private static final String[] PROMO_CHANNELS = {"sms", "wechat", "app", "email"};
    /** Festival months: Spring Festival (Feb), Mid-Autumn (Sep), National Day (Oct), New Year (Dec). */
    private static final int[] HOLIDAY_MONTHS = {2, 9, 10, 12};

    private final CustomerBase customers;
    private final ContractualSubscriber subscriber;
    private final OrgChart org;
    private final Window window;
    private final Vocabulary words;
    private final Ids ids;
    private final Rng rng;
    private final Layout tp = Layout.of("touchpoints");
    private int controlCount;
    private int consentLeaks;

    Campaigns(GeneratorSpec spec, CustomerBase customers, ContractualSubscriber subscriber, OrgChart org,
              Window window, Vocabulary words, Ids ids) {
        this.customers = customers;
        this.subscriber = subscriber;
        this.org = org;
        this.window = window;
        this.words = words;
        this.ids = ids;
        this.rng = new Rng(spec.seed(), "campaigns");
    }

    /** The month's campaigns and touchpoints; fills {@code contacts} with the uplift-causing ones. */
    void month(int m, List<Row> campaignRows, List<Row> touchpoints, ContactLog contacts) {
        contacts.clear();
        YearMonth ym = window.month(m);
        long start = window.monthStart(m);
        int n = customers.size;

        String promoChannel = PROMO_CHANNELS[m % PROMO_CHANNELS.length];
        String promo = campaign(campaignRows, m, 1, words.text(ym.getMonthValue() + "月会员促销", "Member promotion " + ym),
                "promotion", promoChannel, 3, 20, true, n * 0.25);
        for (int i = 0; i < n; i++) {
            if (!customers.contractual[i] && customers.joinTs[i] < start && rng.chance(0.25)) {
                target(touchpoints, contacts, i, promo, "promotion", promoChannel, m, 3, true);
            }
        }

        boolean retentionControl = m % 2 == 0;
        String retention = campaign(campaignRows, m, 2, words.text(ym.getMonthValue() + "月合约维系", "Retention calls " + ym),
                "retention", "phone", 5, ym.lengthOfMonth(), retentionControl, n * 0.08);
        for (int i = 0; i < n; i++) {
            if (subscriber.activeAtStartOf(i, m) && rng.chance(0.2)) {
                target(touchpoints, contacts, i, retention, "retention", "phone", m, 5, retentionControl);
            }
        }

        String birthday = campaign(campaignRows, m, 3, words.text(ym.getMonthValue() + "月生日关怀", "Birthday greetings " + ym),
                "birthday", "sms", 1, ym.lengthOfMonth(), false, n / 12.0);
        for (int i = 0; i < n; i++) {
            if (customers.birthMonth[i] == ym.getMonthValue()) {
                LocalDate day = ym.atDay(1).plusDays(rng.below(ym.lengthOfMonth())); // the birthday itself
                long ts = window.epochSecond(day, 9) + rng.below(3600);
                if (ts > customers.joinTs[i] && permitted(i, "sms")) {
                    touch(touchpoints, contacts, i, ts, "sms", "outbound", "birthday", birthday, false);
                }
            }
        }

        if (contains(HOLIDAY_MONTHS, ym.getMonthValue())) {
            String holiday = campaign(campaignRows, m, 4, words.text(ym.getMonthValue() + "月节日问候", "Holiday greetings " + ym),
                    "holiday", "wechat", 1, 15, false, n * 0.4);
            for (int i = 0; i < n; i++) {
                if (customers.joinTs[i] < start && rng.chance(0.4)) {
                    target(touchpoints, contacts, i, holiday, "holiday", "wechat", m, 1, false);
                }
            }
        }

        for (int i = 0; i < n; i++) {
            if (customers.joinTs[i] >= start) {
                continue;
            }
            if (subscriber.activeAtStartOf(i, m) && subscriber.contractEndsIn(i, ym.plusMonths(1))) {
                long ts = window.randomTime(m, rng, 9, 18);
                if (permitted(i, "phone")) {
                    touch(touchpoints, contacts, i, ts, "phone", "outbound", "maturity", null, false);
                }
            }
            if (customers.owner[i] != null && rng.chance(0.015)) {
                touch(touchpoints, contacts, i, window.randomTime(m, rng, 9, 18), "visit", "outbound", "care", null, false);
            }
            if (rng.chance(0.02)) {
                touch(touchpoints, contacts, i, window.randomTime(m, rng, 8, 22), "phone", "inbound",
                        rng.chance(0.8) ? "service" : "complaint", null, false);
            }
        }
    }

    private String campaign(List<Row> rows, int m, int no, String name, String purpose, String channel,
                            int startDay, int endDay, boolean control, double expectedAudience) {
        YearMonth ym = window.month(m);
        String id = String.format("CMP-%s-%02d", ym, no);
        long budgetCents = Math.max(50_000L, Math.round(expectedAudience * COST_CENTS.get(channel) * 1.2 / 10_000.0) * 10_000L);
        rows.add(Layout.of("campaigns").row(window.epochSecond(ym.atDay(startDay), 0))
                .set("campaign_id", id).set("name", name).set("purpose", purpose).set("channel", channel)
                .set("start_date", Formats.date(ym.atDay(startDay))).set("end_date", Formats.date(ym.atDay(endDay)))
                .set("budget", Formats.money(budgetCents)).set("has_control_group", Formats.bool(control)));
        return id;
    }

    /** A campaign target: held out as control (recorded, not contacted) or contacted within 5 days of the start. */
    private void target(List<Row> out, ContactLog contacts, int i, String campaignId, String purpose, String channel,
                        int m, int startDay, boolean withControl) {
        if (!permitted(i, channel)) {
            return;
        }
        long ts = window.epochSecond(window.month(m).atDay(startDay), 9) + rng.belowLong(5 * Window.DAY - 13 * 3600);
        touch(out, contacts, i, ts, channel, "outbound", purpose, campaignId, withControl && rng.chance(CONTROL_SHARE));
    }

    private boolean permitted(int i, String channel) {
        if (customers.consents(i, channel)) {
            return true;
        }
        boolean leak = rng.chance(CONSENT_LEAK);
        consentLeaks += leak ? 1 : 0;
        return leak;
    }

    private void touch(List<Row> out, ContactLog contacts, int i, long ts, String channel, String direction,
                       String purpose, String campaignId, boolean control) {
        Row r = tp.row(ts).set("touchpoint_id", ids.touchpoint()).set("customer_id", CustomerBase.id(i))
                .set("ts", Formats.timestamp(ts, window.offset)).set("channel", channel).set("direction", direction)
                .set("purpose", purpose).set("campaign_id", campaignId).set("is_control", Formats.bool(control));
        if (control) {
            controlCount++;
            r.set("cost", Formats.money(0));
            out.add(r);
            return;
        }
        String outcome = direction.equals("inbound") ? (rng.chance(0.9) ? "reached" : "converted") : outcome(channel);
        r.set("outcome", outcome).set("cost", Formats.money(COST_CENTS.get(channel)));
        if (channel.equals("phone") || channel.equals("visit")) {
            OrgChart.Outlet o = org.outlets.get(customers.outlet[i]);
            String staff = direction.equals("inbound") ? rng.pick(o.service())
                    : customers.owner[i] != null ? customers.owner[i] : rng.pick(o.sales());
            r.set("staff_id", staff);
            if (!outcome.equals("failed")) {
                r.set("duration_s", Integer.toString(channel.equals("visit") ? rng.between(900, 3600) : rng.between(30, 600)));
            }
        }
        out.add(r);
        if (direction.equals("outbound") && !outcome.equals("failed")) {
            contacts.add(i, ts);
        }
    }

    private String outcome(String channel) {
        double u = rng.uniform();
        return switch (channel) {
            case "sms" -> u < 0.85 ? "delivered" : u < 0.92 ? "sent" : u < 0.97 ? "responded" : "failed";
            case "email" -> u < 0.55 ? "delivered" : u < 0.85 ? "sent" : u < 0.90 ? "responded" : "failed";
            case "wechat", "app" -> u < 0.80 ? "delivered" : u < 0.95 ? "responded" : "failed";
            case "phone" -> u < 0.55 ? "reached" : u < 0.70 ? "refused" : u < 0.90 ? "failed" : "converted";
            case "visit" -> u < 0.80 ? "reached" : "converted";
            default -> "sent";
        };
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    int controlCount() {
        return controlCount;
    }

    int consentLeaks() {
        return consentLeaks;
    }

}
