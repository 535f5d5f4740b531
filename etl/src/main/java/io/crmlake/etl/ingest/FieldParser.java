package io.crmlake.etl.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns one landing field's text into the value bronze stores (String, Integer, BigDecimal,
 * Boolean, LocalDate, Instant), or says exactly why it cannot. Empty text is null.
 */
final class FieldParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FieldParser() {}

    /** Thrown for a value that breaks the contract; carries the reason code and one sentence. */
    static final class FieldRejected extends Exception {
        final QuarantineReason reason;

        FieldRejected(QuarantineReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    static Object parse(Column field, String text) throws FieldRejected {
        if (text == null || text.isEmpty()) {
            if (field.required()) {
                throw new FieldRejected(QuarantineReason.MISSING_REQUIRED, "required field " + field.name() + " is empty");
            }
            return null;
        }
        DataType type = field.type();
        return switch (type.kind()) {
            case STRING -> text;
            case ENUM -> enumCode(field, text);
            case JSON -> jsonObject(field, text);
            case INT -> integer(field, text);
            case BIGINT -> longInteger(field, text);
            case DOUBLE -> floating(field, text);
            case BOOLEAN -> bool(field, text);
            case DATE -> date(field, text);
            case TIMESTAMP -> timestamp(field, text);
            case DECIMAL -> decimal(field, text);
        };
    }

    private static String enumCode(Column field, String text) throws FieldRejected {
        if (!field.values().contains(text)) {
            throw new FieldRejected(QuarantineReason.UNKNOWN_CODE,
                    field.name() + " '" + text + "' is not one of " + field.values());
        }
        return text;
    }

    private static String jsonObject(Column field, String text) throws FieldRejected {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new FieldRejected(QuarantineReason.INVALID_JSON, field.name() + " is not a JSON object");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new FieldRejected(QuarantineReason.INVALID_JSON,
                    field.name() + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Integer integer(Column field, String text) throws FieldRejected {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_INTEGER, field.name() + " '" + text + "' is not an integer");
        }
    }

    private static Long longInteger(Column field, String text) throws FieldRejected {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_INTEGER, field.name() + " '" + text + "' is not an integer");
        }
    }

    private static Double floating(Column field, String text) throws FieldRejected {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_DECIMAL, field.name() + " '" + text + "' is not a number");
        }
    }

    private static Boolean bool(Column field, String text) throws FieldRejected {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new FieldRejected(QuarantineReason.UNPARSEABLE_BOOLEAN,
                    field.name() + " '" + text + "' is not true or false");
        };
    }

    private static LocalDate date(Column field, String text) throws FieldRejected {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_DATE,
                    field.name() + " '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static java.time.Instant timestamp(Column field, String text) throws FieldRejected {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_TIMESTAMP,
                    field.name() + " '" + text + "' is not an ISO-8601 timestamp with offset (e.g. 2024-03-05T14:22:10+08:00)");
        }
    }

    private static BigDecimal decimal(Column field, String text) throws FieldRejected {
        String t = text.trim();
        // The contract says decimal strings: no exponents, no thousands separators.
        if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_DECIMAL,
                    field.name() + " '" + text + "' is not a decimal number");
        }
        BigDecimal value = new BigDecimal(t);
        DataType type = field.type();
        if (value.stripTrailingZeros().scale() > type.scale()) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_DECIMAL,
                    field.name() + " '" + text + "' has more than " + type.scale() + " decimals");
        }
        BigDecimal scaled = value.setScale(type.scale());
        if (scaled.precision() > type.precision()) {
            throw new FieldRejected(QuarantineReason.UNPARSEABLE_DECIMAL,
                    field.name() + " '" + text + "' does not fit decimal(" + type.precision() + "," + type.scale() + ")");
        }
        return scaled;
    }
}
