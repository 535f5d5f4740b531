package io.crmlake.warehouse.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's logical type, written in the catalog as Spark SQL spells it
 * ({@code string}, {@code int}, {@code bigint}, {@code double}, {@code boolean}, {@code date},
 * {@code timestamp}, {@code decimal(18,2)}). Landing fields may also use {@code json} (a JSON
 * object delivered as text, stored as a string) and {@code enum} (a string with accepted values).
 */
public record DataType(Kind kind, int precision, int scale) implements java.io.Serializable {

    public enum Kind { STRING, INT, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, DECIMAL, JSON, ENUM }

    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

    public static final DataType STRING = new DataType(Kind.STRING, 0, 0);
    public static final DataType INT = new DataType(Kind.INT, 0, 0);
    public static final DataType BIGINT = new DataType(Kind.BIGINT, 0, 0);
    public static final DataType DOUBLE = new DataType(Kind.DOUBLE, 0, 0);
    public static final DataType BOOLEAN = new DataType(Kind.BOOLEAN, 0, 0);
    public static final DataType DATE = new DataType(Kind.DATE, 0, 0);
    public static final DataType TIMESTAMP = new DataType(Kind.TIMESTAMP, 0, 0);
    public static final DataType MONEY = new DataType(Kind.DECIMAL, 18, 2);

    @JsonCreator
    public static DataType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DECIMAL.matcher(t);
        if (m.matches()) {
            int precision = Integer.parseInt(m.group(1));
            int scale = Integer.parseInt(m.group(2));
            if (precision < 1 || precision > 38 || scale > precision) {
                throw new IllegalArgumentException("decimal(" + precision + "," + scale + ") is out of range (precision 1..38, scale <= precision)");
            }
            return new DataType(Kind.DECIMAL, precision, scale);
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.DECIMAL && k.name().toLowerCase(Locale.ROOT).equals(t)) {
                return new DataType(k, 0, 0);
            }
        }
        throw new IllegalArgumentException("unknown type '" + text
                + "'; expected string, int, bigint, double, boolean, date, timestamp, decimal(p,s), json or enum");
    }

    /** The type of the stored column (json and enum are stored as strings). */
    public DataType stored() {
        return kind == Kind.JSON || kind == Kind.ENUM ? STRING : this;
    }

    @JsonValue
    public String sql() {
        return switch (kind) {
            case DECIMAL -> "decimal(" + precision + "," + scale + ")";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Spark SQL DDL type of the stored column. */
    public String sparkSql() {
        return stored().sql().toUpperCase(Locale.ROOT);
    }

    /** DuckDB type of the stored column. */
    public String duckDb() {
        DataType s = stored();
        return switch (s.kind) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            default -> throw new IllegalStateException(s.kind.name());
        };
    }

    @Override
    public String toString() {
        return sql();
    }
}
