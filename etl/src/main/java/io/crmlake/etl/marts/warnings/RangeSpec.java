package io.crmlake.etl.marts.warnings;

import io.crmlake.warehouse.rules.Bound;
import io.crmlake.warehouse.rules.Range;
import java.io.Serializable;
import java.math.BigDecimal;

/** A rules {@link Range} in a form Spark can ship to executors inside a UDF. */
record RangeSpec(BigDecimal lower, Boolean lowerInclusive, BigDecimal upper, Boolean upperInclusive) implements Serializable {

    static RangeSpec of(Range range) {
        return new RangeSpec(range.lower() == null ? null : range.lower().value(),
                range.lower() == null ? null : range.lower().inclusive(),
                range.upper() == null ? null : range.upper().value(),
                range.upper() == null ? null : range.upper().inclusive());
    }

    Range range() {
        return new Range(lower == null ? null : new Bound(lower, lowerInclusive),
                upper == null ? null : new Bound(upper, upperInclusive));
    }
}
