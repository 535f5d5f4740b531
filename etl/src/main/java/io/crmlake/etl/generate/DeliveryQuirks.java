package io.crmlake.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How real source systems deliver transactions, none of which is a defect: a few arrive one batch
 * late (happened in month M, delivered in batch M+1), a few are corrected (the same txn_id
 * re-delivered in a later batch with another amount), and refunds are delivered in the batch of
 * the month they happen. Late customers (first customers row one batch after the first
 * transaction) are held back by {@link CustomerBase}.
 */
final class DeliveryQuirks {

    static final double LATE_RATE = 0.005;
    static final double CORRECTION_RATE = 0.003;

    private final TreeMap<Integer, List<Row>> scheduled = new TreeMap<>();
    private final Window window;
    private final Rng rng;
    private int late;
    private int corrections;

    DeliveryQuirks(GeneratorSpec spec, Window window) {
        this.window = window;
        this.rng = new Rng(spec.seed(), "delivery");
    }

    /** Delivers {@code row} in the batch of month {@code m} (ignored beyond the window). */
    void schedule(int m, Row row) {
        if (m >= 0 && m < window.months) {
            scheduled.computeIfAbsent(m, k -> new ArrayList<>()).add(row);
        }
    }

    /**
     * The transactions batch of month m: the month's rows minus those that arrive late, plus rows
     * scheduled for this batch (last month's late ones, corrections, refunds).
     */
    List<Row> transactionsBatch(int m, List<Row> happened) {
        List<Row> batch = new ArrayList<>(happened.size());
        boolean canDelay = m + 1 < window.months;
        for (Row r : happened) {
            if (canDelay && rng.chance(LATE_RATE)) {
                schedule(m + 1, r);
                late++;
                continue;
            }
            batch.add(r);
            if (canDelay && rng.chance(CORRECTION_RATE)) {
                int target = Math.min(window.months - 1, m + 1 + rng.below(2));
                long amount = new java.math.BigDecimal(r.get("amount")).movePointRight(2).longValueExact();
                long corrected = rng.chance(0.5) ? amount * rng.between(80, 95) / 100 : amount + 100L * rng.between(5, 50);
                schedule(target, r.copy().set("amount", Formats.money(Math.max(100, corrected))));
                corrections++;
            }
        }
        List<Row> due = scheduled.remove(m);
        if (due != null) {
            batch.addAll(due);
        }
        return batch;
    }

    int lateCount() {
        return late;
    }

    int correctionCount() {
        return corrections;
    }
}
