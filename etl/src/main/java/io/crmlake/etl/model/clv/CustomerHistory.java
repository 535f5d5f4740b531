package io.crmlake.etl.model.clv;

import java.util.Objects;

/**
 * A customer's recency-frequency summary with explicit time units.
 *
 * @param frequency repeat purchases x
 * @param recency   time of the last repeat purchase since the first purchase, t_x (zero when x = 0)
 * @param age       time since the first purchase, T
 */
public record CustomerHistory(int frequency, Span recency, Span age) {

    public CustomerHistory {
        Objects.requireNonNull(recency, "recency");
        Objects.requireNonNull(age, "age");
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, got " + frequency);
        }
        if (recency.in(ModelTimeUnit.DAYS) > age.in(ModelTimeUnit.DAYS) * (1 + 1e-12)) {
            throw new IllegalArgumentException("recency " + recency + " exceeds age " + age);
        }
    }
}
