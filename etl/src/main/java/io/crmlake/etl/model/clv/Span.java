package io.crmlake.etl.model.clv;

import java.util.Objects;

/**
 * A non-negative length of time carrying its unit, so that a horizon in months can never be read as
 * weeks: every consumer converts explicitly with {@link #in(ModelTimeUnit)}.
 */
public record Span(double amount, ModelTimeUnit unit) {

    public Span {
        Objects.requireNonNull(unit, "unit");
        if (!(amount >= 0) || !Double.isFinite(amount)) {
            throw new IllegalArgumentException("time span must be finite and >= 0, got " + amount + " " + unit);
        }
    }

    public static Span days(double amount) {
        return new Span(amount, ModelTimeUnit.DAYS);
    }

    public static Span weeks(double amount) {
        return new Span(amount, ModelTimeUnit.WEEKS);
    }

    public static Span months(double amount) {
        return new Span(amount, ModelTimeUnit.MONTHS);
    }

    public static Span years(double amount) {
        return new Span(amount, ModelTimeUnit.YEARS);
    }

    /** The amount of this span expressed in {@code target} units. */
    public double in(ModelTimeUnit target) {
        return target == unit ? amount : amount * unit.days() / target.days();
    }

    /** The same span re-expressed in {@code target} units. */
    public Span to(ModelTimeUnit target) {
        return new Span(in(target), target);
    }

    /**
     * Sum of two spans of the same unit.
     *
     * @throws IllegalArgumentException when the units differ: convert one with {@link #to} first
     */
    public Span plus(Span other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot add " + other + " to " + this
                    + " implicitly: convert with to(" + unit + ") first");
        }
        return new Span(amount + other.amount, unit);
    }

    public Span times(double factor) {
        return new Span(amount * factor, unit);
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
