package io.crmlake.etl.generate;

import java.util.Arrays;

/**
 * The month's contacts that can change buying (outbound, not control, not failed), per customer,
 * as linked lists in flat arrays: no per-customer objects and no hash iteration order.
 */
final class ContactLog {

    private final int[] head;
    private int[] next = new int[1024];
    private long[] time = new long[1024];
    private int size;

    ContactLog(int customers) {
        head = new int[customers];
        clear();
    }

    void clear() {
        Arrays.fill(head, -1);
        size = 0;
    }

    void add(int customer, long ts) {
        if (size == time.length) {
            next = Arrays.copyOf(next, size * 2);
            time = Arrays.copyOf(time, size * 2);
        }
        time[size] = ts;
        next[size] = head[customer];
        head[customer] = size++;
    }

    /** The customer's contact times this month, ascending (empty when none). */
    long[] times(int customer) {
        int n = 0;
        for (int k = head[customer]; k >= 0; k = next[k]) {
            n++;
        }
        long[] out = new long[n];
        int j = 0;
        for (int k = head[customer]; k >= 0; k = next[k]) {
            out[j++] = time[k];
        }
        Arrays.sort(out);
        return out;
    }

    int size() {
        return size;
    }
}
