package io.crmlake.api.marts;

import io.crmlake.api.problems.BadParameterException;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query string of {@code GET /api/marts/{name}}:
 * {@code <column>=v} (equals), {@code <column>.<op>=v} with op ne, gt, gte, lt, lte,
 * {@code <column>.in=a,b,c}; {@code sort=col,-col}; {@code page} (from 0), {@code size};
 * {@code format=json|csv}. Every column must be one of the table's catalog columns.
 */
final class MartQueryParser {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;
    static final int MAX_IN = 1000;
    static final long MAX_PAGE = 10_000_000L;
    private static final Set<String> RESERVED = Set.of("sort", "page", "size", "format");

    private MartQueryParser() {
    }

    static MartQuery parse(Table table, MultiValueMap<String, String> params) {
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (e.getValue().size() != 1) {
                throw new BadParameterException(name, name + ": give it once (use " + baseName(name) + ".in=a,b for several values)");
            }
            if (!RESERVED.contains(name)) {
                filters.add(filter(table, name, e.getValue().get(0)));
            }
        }
        MartQuery.Format format = format(single(params, "format").orElse("json"));
        Optional<String> sizeText = single(params, "size");
        Optional<String> pageText = single(params, "page");
        boolean paged = format == MartQuery.Format.JSON || sizeText.isPresent() || pageText.isPresent();
        int size = (int) number("size", sizeText.orElse(String.valueOf(DEFAULT_SIZE)), 1, MAX_SIZE);
        long page = number("page", pageText.orElse("0"), 0, MAX_PAGE);
        return new MartQuery(table, filters, sorts(table, single(params, "sort").orElse("")), page, size, paged, format);
    }

    private static Filter filter(Table table, String name, String value) {
        int dot = name.lastIndexOf('.');
        String columnName = dot < 0 ? name : name.substring(0, dot);
        String op = dot < 0 ? "eq" : name.substring(dot + 1);
        Column column = column(table, name, columnName);
        Filter.Operator operator;
        try {
            operator = Filter.Operator.valueOf(op.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, name + ": unknown operator '" + op + "'; use eq, ne, gt, gte, lt, lte or in");
        }
        List<Object> values = new ArrayList<>();
        if (operator == Filter.Operator.IN) {
            String[] parts = value.split(",", -1);
            if (parts.length > MAX_IN) {
                throw new BadParameterException(name, name + ": at most " + MAX_IN + " values in one IN list");
            }
            for (String part : parts) {
                values.add(TypedValues.parse(name, column, part));
            }
        } else {
            values.add(TypedValues.parse(name, column, value));
        }
        return new Filter(column, operator, values);
    }

    private static List<MartQuery.Sort> sorts(Table table, String text) {
        List<MartQuery.Sort> sorts = new ArrayList<>();
        if (text.isBlank()) {
            return sorts;
        }
        String[] parts = text.split(",", -1);
        if (parts.length > 8) {
            throw new BadParameterException("sort", "sort: at most 8 columns");
        }
        for (String part : parts) {
            String p = part.trim();
            boolean descending = p.startsWith("-");
            String columnName = descending || p.startsWith("+") ? p.substring(1) : p;
            sorts.add(new MartQuery.Sort(column(table, "sort", columnName), descending));
        }
        return sorts;
    }

    private static Column column(Table table, String parameter, String columnName) {
        return table.column(columnName).orElseThrow(() -> new BadParameterException(parameter,
                parameter + ": '" + shorten(columnName) + "' is not a column of " + table.name()
                        + "; columns: " + String.join(", ", table.columnNames())));
    }

    private static MartQuery.Format format(String text) {
        return switch (text) {
            case "json" -> MartQuery.Format.JSON;
            case "csv" -> MartQuery.Format.CSV;
            default -> throw new BadParameterException("format", "format: '" + shorten(text) + "' is not json or csv");
        };
    }

    private static long number(String parameter, String text, long min, long max) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(parameter, parameter + ": '" + shorten(text) + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new BadParameterException(parameter, parameter + ": " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static Optional<String> single(MultiValueMap<String, String> params, String name) {
        return Optional.ofNullable(params.getFirst(name));
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
