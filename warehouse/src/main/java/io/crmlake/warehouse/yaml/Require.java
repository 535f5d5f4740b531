package io.crmlake.warehouse.yaml;

import java.util.Collection;
import java.util.List;

/** Checks used inside record constructors; the message becomes the reason in a YAML error. */
public final class Require {
    private Require() {}

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    public static <T> List<T> nonEmpty(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' needs at least one entry");
        }
        return List.copyOf(values);
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static void isTrue(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static void oneOf(String value, Collection<String> allowed, String field) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("'" + field + "' is '" + value + "'; expected one of " + allowed);
        }
    }
}
