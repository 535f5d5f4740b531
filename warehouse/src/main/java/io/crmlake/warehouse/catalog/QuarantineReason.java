package io.crmlake.warehouse.catalog;

import java.util.Locale;

/**
 * Why a landing row was quarantined. The code (lower case) is what ops_quarantine stores and
 * what the generator's defect manifest names, so a test can match injected and caught defects.
 */
public enum QuarantineReason {
    /** A field marked required in the contract is missing or empty. */
    MISSING_REQUIRED,
    /** A timestamp is not ISO-8601 with an offset. */
    UNPARSEABLE_TIMESTAMP,
    /** A date is not ISO-8601 (yyyy-MM-dd). */
    UNPARSEABLE_DATE,
    /** A money or decimal value is not a plain decimal string, or does not fit its precision. */
    UNPARSEABLE_DECIMAL,
    /** An integer field holds something else. */
    UNPARSEABLE_INTEGER,
    /** A boolean field is not true/false (or 1/0). */
    UNPARSEABLE_BOOLEAN,
    /** An enum field holds a code the contract does not list. */
    UNKNOWN_CODE,
    /** A json field is not a JSON object. */
    INVALID_JSON,
    /** A CSV row has more or fewer columns than its header (or a JSON line is not an object). */
    WRONG_COLUMN_COUNT,
    /** The row is not valid UTF-8. */
    INVALID_UTF8,
    /** A JSON line carries a field the contract does not know. */
    UNKNOWN_FIELD,
    /** A second row with the same key in the same batch. */
    DUPLICATE_KEY,
    /** The row points at a customer id no batch has delivered (held; released when the customer arrives). */
    ORPHAN_CUSTOMER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static QuarantineReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
