package io.crmlake.api.marts;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.util.List;

/** A validated read of one mart: filters, order, page, and the output format. */
record MartQuery(Table table, List<Filter> filters, List<Sort> sorts, long page, int size, boolean paged, Format format) {

    enum Format { JSON, CSV }

    record Sort(Column column, boolean descending) {
    }
}
