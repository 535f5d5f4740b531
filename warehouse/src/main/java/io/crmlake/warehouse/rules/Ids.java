package io.crmlake.warehouse.rules;

import io.crmlake.warehouse.yaml.InvalidField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks on identifiers shared by the rule records. */
final class Ids {
    private static final Pattern SNAKE_CASE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Ids() {}

    static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "is required: a short identifier such as 'high_value'");
        }
        if (!SNAKE_CASE.matcher(value).matches()) {
            throw new InvalidField(field, "'" + value + "' is not an identifier; expected letters, digits and '_'");
        }
        return value;
    }

    static <T> List<T> nonEmpty(List<T> values, String field, String what) {
        if (values == null || values.isEmpty()) {
            throw new InvalidField(field, "needs at least one " + what);
        }
        return List.copyOf(values);
    }

    /** Fails on the second occurrence of a key, naming the list entry. */
    static <T, K> void unique(List<T> values, Function<T, K> key, String list, String keyField) {
        Set<K> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            K k = key.apply(values.get(i));
            if (!seen.add(k)) {
                throw new InvalidField(list + "[" + i + "]." + keyField, "'" + k + "' is used twice in " + list + "; expected unique values");
            }
        }
    }

    static int positive(Integer value, String field, String what) {
        if (value == null) {
            throw new InvalidField(field, "is required: " + what);
        }
        if (value <= 0) {
            throw new InvalidField(field, "is " + value + "; expected a positive whole number (" + what + ")");
        }
        return value;
    }
}
