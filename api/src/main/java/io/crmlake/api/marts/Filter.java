package io.crmlake.api.marts;

import io.crmlake.warehouse.catalog.Column;
import java.util.List;

/** One condition on a catalog column: {@code col=v}, {@code col.gte=v}, {@code col.in=a,b}. */
record Filter(Column column, Operator operator, List<Object> values) {

    enum Operator {
        EQ("="), NE("<>"), GT(">"), GTE(">="), LT("<"), LTE("<="), IN("IN");

        final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }
}
