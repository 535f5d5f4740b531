package io.crmlake.api.marts;

import io.crmlake.api.problems.BadParameterException;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Turns a filter value from the query string into a value of the column's catalog type, or a
 * 400 that names the parameter and says what would be accepted. Only values that DuckDB can
 * bind without overflow get through, so user input never reaches the database as an error.
 */
final class TypedValues {

    static final int MAX_TEXT = 1000;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,40}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,40}(\\.\\d{0,40})?|\\.\\d{1,40})([eE][+-]?\\d{1,4})?");

    private TypedValues() {
    }

    static Object parse(String parameter, Column column, String text) {
        if (text.length() > MAX_TEXT) {
            throw new BadParameterException(parameter, parameter + ": value is longer than " + MAX_TEXT + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadParameterException(parameter, parameter + ": value contains a NUL character");
        }
        DataType type = column.type().stored();
        String t = text.trim();
        return switch (type.kind()) {
            case STRING -> text;
            case INT -> integer(parameter, t, Integer.MIN_VALUE, Integer.MAX_VALUE, "int").intValue();
            case BIGINT -> integer(parameter, t, Long.MIN_VALUE, Long.MAX_VALUE, "bigint").longValue();
            case DOUBLE -> finiteDouble(parameter, t);
            case DECIMAL -> decimal(parameter, t, type);
            case BOOLEAN -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw bad(parameter, t, "is not a boolean; use true or false");
            };
            case DATE -> date(parameter, t);
            case TIMESTAMP -> timestamp(parameter, t);
            default -> throw new IllegalStateException("unexpected stored type " + type);
        };
    }

    private static BigDecimal integer(String parameter, String t, long min, long max, String typeName) {
        if (!INTEGER.matcher(t).matches()) {
            throw bad(parameter, t, "is not a whole number (column type " + typeName + ")");
        }
        BigDecimal v = new BigDecimal(t);
        if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(parameter, t, "is outside the " + typeName + " range " + min + ".." + max);
        }
        return v;
    }

    private static Double finiteDouble(String parameter, String t) {
        if (!NUMBER.matcher(t).matches()) {
            throw bad(parameter, t, "is not a decimal number such as 12.5 or 1e3");
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
            throw bad(parameter, t, "is too large for a double");
        }
        return d;
    }

    private static BigDecimal decimal(String parameter, String t, DataType type) {
        if (!NUMBER.matcher(t).matches()) {
            throw bad(parameter, t, "is not a decimal number such as 12.50");
        }
        BigDecimal v = new BigDecimal(t).stripTrailingZeros();
        int integerDigits = Math.max(v.precision() - v.scale(), 0);
        if (integerDigits > type.precision() - type.scale()) {
            throw bad(parameter, t, "has more than " + (type.precision() - type.scale())
                    + " digits before the point (column type " + type.sql() + ")");
        }
        if (v.scale() > type.scale()) {
            throw bad(parameter, t, "has more than " + type.scale() + " decimals (column type " + type.sql() + ")");
        }
        return v;
    }

    private static LocalDate date(String parameter, String t) {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw bad(parameter, t, "is not a date; use yyyy-mm-dd");
        }
    }

    private static OffsetDateTime timestamp(String parameter, String t) {
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw bad(parameter, t, "is not a timestamp; use ISO-8601 with an offset, e.g. 2024-03-31T18:00:00+08:00");
        }
    }

    private static BadParameterException bad(String parameter, String value, String what) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return new BadParameterException(parameter, parameter + ": '" + shown + "' " + what);
    }
}
