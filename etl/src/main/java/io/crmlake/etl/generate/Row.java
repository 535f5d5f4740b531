package io.crmlake.etl.generate;

/** One landing row in contract column order (null = empty field) and the time it sorts by. */
final class Row {

    final Layout layout;
    final long ts;
    final String[] values;

    Row(Layout layout, long ts, String[] values) {
        this.layout = layout;
        this.ts = ts;
        this.values = values;
    }

    Row set(String field, String value) {
        values[layout.index(field)] = value;
        return this;
    }

    String get(String field) {
        return values[layout.index(field)];
    }

    Row copy() {
        return new Row(layout, ts, values.clone());
    }

    Row copyAt(long newTs) {
        return new Row(layout, newTs, values.clone());
    }
}
