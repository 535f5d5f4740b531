package io.crmlake.etl.ingest;

import io.crmlake.warehouse.catalog.QuarantineReason;

/**
 * The outcome of checking one landing record against the contract: either the typed values in
 * contract field order, or the reason, the field and one sentence saying what is wrong.
 */
public record ValidatedRow(long rowNumber, String rawLine, Object[] values,
                           QuarantineReason reason, String field, String detail) {

    static ValidatedRow good(LandingRecord record, Object[] values) {
        return new ValidatedRow(record.rowNumber(), record.text(), values, null, null, null);
    }

    static ValidatedRow rejected(LandingRecord record, QuarantineReason reason, String field, String detail) {
        return new ValidatedRow(record.rowNumber(), record.text(), null, reason, field, detail);
    }

    public boolean isGood() {
        return reason == null;
    }
}
