package io.crmlake.etl.generate;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds EXTRA bad rows to a batch file (never corrupts a good row): about {@code rate × rows} per
 * file, cycling through the defect kinds that apply to the entity. Each bad row is a copy of a good
 * row of the same file with a fresh key and exactly one defect, named by its
 * {@link QuarantineReason} code, so the ingest's quarantine can be checked row by row.
 */
final class DefectInjector {

    /** The entities that receive defects. */
    static final List<String> ENTITIES = List.of("customers", "transactions", "touchpoints", "accounts");

    /** A line to write: a good row, or a defect's raw bytes with its reason. */
    record Line(Row good, byte[] raw, QuarantineReason reason) {}

    private static final QuarantineReason[] CYCLE = {
            QuarantineReason.MISSING_REQUIRED, QuarantineReason.UNPARSEABLE_TIMESTAMP, QuarantineReason.UNPARSEABLE_DATE,
            QuarantineReason.UNPARSEABLE_DECIMAL, QuarantineReason.UNKNOWN_CODE, QuarantineReason.DUPLICATE_KEY,
            QuarantineReason.ORPHAN_CUSTOMER, QuarantineReason.WRONG_COLUMN_COUNT, QuarantineReason.INVALID_UTF8};
    private static final String[] BAD_TIMESTAMPS = {"2024-13-05T14:22:10+08:00", "05/03/2024 14:22", "yesterday noon",
            "2024-03-05T25:61:00+08:00"};
    private static final String[] BAD_DATES = {"2024-13-45", "31/02/2024", "2024-02-30", "20240305x"};
    private static final String[] BAD_DECIMALS = {"12,3O", "abc", "1.2.3", "¥12.00"};
    private static final byte[][] BAD_BYTES = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}};

    private final double rate;
    private final Rng rng;
    private final Ids ids;
    private final Window window;
    private final java.util.Map<String, Integer> cursor = new java.util.TreeMap<>();

    DefectInjector(GeneratorSpec spec, Ids ids, Window window) {
        this.rate = spec.dirtyRate();
        this.rng = new Rng(spec.seed(), "defects");
        this.ids = ids;
        this.window = window;
    }

    /** The lines of one file: the good rows in order, with the bad rows placed among them. */
    List<Line> lines(String entity, List<Row> good) {
        List<Line> out = new ArrayList<>(good.size() + 16);
        int n = good.size();
        int count = 0;
        if (rate > 0 && n > 0 && ENTITIES.contains(entity)) {
            double expected = rate * n;
            count = (int) expected + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
        }
        if (count == 0) {
            good.forEach(r -> out.add(new Line(r, null, null)));
            return out;
        }
        Layout layout = Layout.of(entity);
        List<QuarantineReason> kinds = applicable(layout.entity);
        Set<String> keys = new HashSet<>();
        for (Row r : good) {
            keys.add(key(layout, r.values));
        }
        // after[k] = index of the good row the k-th bad row follows (-1 = before the first).
        List<int[]> placed = new ArrayList<>();
        List<Line> bad = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int c = cursor.merge(entity, 1, Integer::sum) - 1;
            QuarantineReason reason = kinds.get(c % kinds.size());
            int src = rng.below(n);
            int after = reason == QuarantineReason.DUPLICATE_KEY ? src + rng.below(n - src) : rng.below(n + 1) - 1;
            placed.add(new int[] {after, k});
            bad.add(new Line(null, defect(layout, good.get(src), reason, keys), reason));
        }
        placed.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
        int p = 0;
        while (p < placed.size() && placed.get(p)[0] < 0) {
            out.add(bad.get(placed.get(p++)[1]));
        }
        for (int i = 0; i < n; i++) {
            out.add(new Line(good.get(i), null, null));
            while (p < placed.size() && placed.get(p)[0] == i) {
                out.add(bad.get(placed.get(p++)[1]));
            }
        }
        return out;
    }

    static List<QuarantineReason> applicable(LandingEntity e) {
        List<QuarantineReason> out = new ArrayList<>();
        for (QuarantineReason r : CYCLE) {
            boolean ok = switch (r) {
                case UNPARSEABLE_TIMESTAMP -> has(e, DataType.Kind.TIMESTAMP);
                case UNPARSEABLE_DATE -> has(e, DataType.Kind.DATE);
                case UNPARSEABLE_DECIMAL -> has(e, DataType.Kind.DECIMAL);
                case UNKNOWN_CODE -> has(e, DataType.Kind.ENUM);
                case ORPHAN_CUSTOMER -> e.customerRef() != null;
                case INVALID_UTF8 -> !textFields(e).isEmpty();
                default -> true;
            };
            if (ok) {
                out.add(r);
            }
        }
        return out;
    }

    private byte[] defect(Layout layout, Row template, QuarantineReason reason, Set<String> keys) {
        LandingEntity e = layout.entity;
        String[] v = template.values.clone();
        if (reason == QuarantineReason.DUPLICATE_KEY) {
            changeNonKeyField(layout, v);
            return LandingWriter.encode(v);
        }
        freshKey(layout, v, template.ts, keys);
        switch (reason) {
            case MISSING_REQUIRED -> v[layout.index(rng.pick(names(e, c -> c.required())))] = null;
            case UNPARSEABLE_TIMESTAMP -> v[layout.index(rng.pick(names(e, c -> c.type().kind() == DataType.Kind.TIMESTAMP)))] = rng.pick(BAD_TIMESTAMPS);
            case UNPARSEABLE_DATE -> v[layout.index(rng.pick(names(e, c -> c.type().kind() == DataType.Kind.DATE)))] = rng.pick(BAD_DATES);
            case UNPARSEABLE_DECIMAL -> v[layout.index(rng.pick(names(e, c -> c.type().kind() == DataType.Kind.DECIMAL)))] = rng.pick(BAD_DECIMALS);
            case UNKNOWN_CODE -> {
                Column c = rng.pick(e.fields().stream().filter(f -> f.type().kind() == DataType.Kind.ENUM).toList());
                v[layout.index(c.name())] = misspelt(c);
            }
            case ORPHAN_CUSTOMER -> v[layout.index(e.customerRef())] = ids.orphanCustomer();
            case WRONG_COLUMN_COUNT -> {
                String[] w = java.util.Arrays.copyOf(v, rng.chance(0.5) ? v.length + 1 : v.length - 1);
                if (w.length > v.length) {
                    w[v.length] = "extra";
                }
                return LandingWriter.encode(w);
            }
            case INVALID_UTF8 -> {
                String field = rng.pick(textFields(e));
                int idx = layout.index(field);
                if (v[idx] == null || v[idx].isEmpty()) {
                    v[idx] = "X";
                }
                return LandingWriter.encodeWithRawBytes(v, idx, rng.pick(BAD_BYTES));
            }
            default -> throw new IllegalStateException(reason.code());
        }
        return LandingWriter.encode(v);
    }

    /** A new key no good row of the file has: a fresh id, or for customers a fresh updated_at. */
    private void freshKey(Layout layout, String[] v, long ts, Set<String> keys) {
        String entity = layout.name();
        if (entity.equals("customers")) {
            long t = ts;
            do {
                t += 1 + rng.below(600);
                v[layout.index("updated_at")] = Formats.timestamp(t, window.offset);
            } while (keys.contains(key(layout, v)));
        } else {
            v[layout.index(layout.entity.key().get(0))] = ids.defectKey(entity);
        }
        keys.add(key(layout, v));
    }

    /** Same key, another value in a field outside the key (a real conflict, not a repeat). */
    private void changeNonKeyField(Layout layout, String[] v) {
        switch (layout.name()) {
            case "customers" -> v[layout.index("phone")] = v[layout.index("phone")] + "0";
            case "transactions" -> v[layout.index("amount")] = new java.math.BigDecimal(v[layout.index("amount")])
                    .add(java.math.BigDecimal.ONE).setScale(2).toPlainString();
            case "touchpoints" -> v[layout.index("purpose")] = "survey".equals(v[layout.index("purpose")]) ? "care" : "survey";
            case "accounts" -> v[layout.index("billing")] = "prepaid".equals(v[layout.index("billing")]) ? "postpaid" : "prepaid";
            default -> throw new IllegalArgumentException(layout.name());
        }
    }

    /** A code the contract does not list: a typo of a listed one ("purchse"), or "X" for one-letter codes. */
    private String misspelt(Column c) {
        String base = rng.pick(c.values());
        String typo = base.length() >= 4 ? base.substring(0, base.length() / 2) + base.substring(base.length() / 2 + 1) : "X";
        boolean listed = c.values().stream().anyMatch(x -> x.equalsIgnoreCase(typo));
        return listed ? typo + "x" : typo;
    }

    private static String key(Layout layout, String[] v) {
        StringBuilder sb = new StringBuilder();
        for (String k : layout.entity.key()) {
            sb.append(v[layout.index(k)]).append('\u0001');
        }
        return sb.toString();
    }

    private static boolean has(LandingEntity e, DataType.Kind kind) {
        return e.fields().stream().anyMatch(c -> c.type().kind() == kind);
    }

    private static List<String> names(LandingEntity e, java.util.function.Predicate<Column> p) {
        return e.fields().stream().filter(p).map(Column::name).toList();
    }

    /** Free-text or id fields outside the key and the customer reference: where bad bytes leak in. */
    private static List<String> textFields(LandingEntity e) {
        return e.fields().stream()
                .filter(c -> c.type().kind() == DataType.Kind.STRING && !e.key().contains(c.name())
                        && !c.name().equals(e.customerRef()))
                .map(Column::name).toList();
    }
}
