package io.crmlake.etl.model.bgnbd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compressed recency-frequency data for BG/NBD: distinct (x, t_x, T) tuples with a count.
 * x = number of repeat purchases, t_x = time of the last repeat purchase (0 when x = 0),
 * T = time since the first purchase, all in one time unit chosen by the caller.
 * A million customers whose times are whole days typically collapse to a few thousand tuples.
 * Rows are sorted by x, which lets the likelihood reuse the per-x special-function terms.
 */
public final class RfmSummary {

    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] count;
    private final double customers;

    private RfmSummary(List<Row> rows) {
        int n = rows.size();
        frequency = new int[n];
        recency = new double[n];
        age = new double[n];
        count = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            frequency[i] = r.x;
            recency[i] = r.tx;
            age[i] = r.t;
            count[i] = r.count;
            total += r.count;
        }
        customers = total;
    }

    /** Compresses per-customer arrays. */
    public static RfmSummary of(int[] x, double[] tx, double[] t) {
        if (x.length != tx.length || x.length != t.length) {
            throw new IllegalArgumentException("arrays of different lengths: x=" + x.length + ", t_x=" + tx.length
                    + ", T=" + t.length);
        }
        Builder b = builder();
        for (int i = 0; i < x.length; i++) {
            b.add(x[i], tx[i], t[i]);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of distinct tuples. */
    public int size() {
        return frequency.length;
    }

    /** Total number of customers (sum of the counts). */
    public double customers() {
        return customers;
    }

    public int frequency(int row) {
        return frequency[row];
    }

    public double recency(int row) {
        return recency[row];
    }

    public double age(int row) {
        return age[row];
    }

    public double count(int row) {
        return count[row];
    }

    private record Key(int x, double tx, double t) {
    }

    private record Row(int x, double tx, double t, double count) {
    }

    /** Accumulates customers, merging identical tuples. */
    public static final class Builder {
        private final Map<Key, double[]> counts = new HashMap<>();

        public Builder add(int x, double tx, double t) {
            return add(x, tx, t, 1.0);
        }

        /**
         * @throws IllegalArgumentException naming the offending value when x &lt; 0, T &lt;= 0,
         *                                  t_x outside [0, T], t_x != 0 with x = 0, or weight &lt;= 0
         */
        public Builder add(int x, double tx, double t, double weight) {
            if (x < 0) {
                throw new IllegalArgumentException("frequency x must be >= 0, got " + x);
            }
            if (!(t > 0) || !Double.isFinite(t)) {
                throw new IllegalArgumentException("age T must be finite and > 0, got " + t);
            }
            if (!(tx >= 0) || tx > t) {
                throw new IllegalArgumentException("recency t_x must be in [0, T=" + t + "], got " + tx);
            }
            if (x == 0 && tx != 0) {
                throw new IllegalArgumentException("recency t_x must be 0 when x = 0, got " + tx);
            }
            if (!(weight > 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
            }
            counts.computeIfAbsent(new Key(x, tx + 0.0, t), k -> new double[1])[0] += weight;
            return this;
        }

        public RfmSummary build() {
            List<Row> rows = new ArrayList<>(counts.size());
            counts.forEach((k, c) -> rows.add(new Row(k.x, k.tx, k.t, c[0])));
            rows.sort(Comparator.comparingInt(Row::x).thenComparingDouble(Row::tx).thenComparingDouble(Row::t));
            return new RfmSummary(rows);
        }
    }
}
