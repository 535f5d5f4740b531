package io.crmlake.warehouse.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.Require;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One column: name, type, whether it may be null, and the comment a BI user sees.
 * For landing fields, {@code required} marks the contract's * and {@code values} lists the
 * accepted codes of an enum.
 */
public record Column(
        String name,
        DataType type,
        boolean nullable,
        String comment,
        List<String> values) implements java.io.Serializable {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z_][a-z0-9_]*");

    @JsonCreator
    public Column(@JsonProperty("name") String name,
                  @JsonProperty("type") DataType type,
                  @JsonProperty("nullable") Boolean nullable,
                  @JsonProperty("required") Boolean required,
                  @JsonProperty("comment") String comment,
                  @JsonProperty("values") List<String> values) {
        this(name, type, nullable == null ? required == null || !required : nullable, comment, values);
    }

    public Column {
        Require.text(name, "name");
        Require.isTrue(SNAKE_CASE.matcher(name).matches(), "column name '" + name + "' is not snake_case");
        Require.isTrue(type != null, "column '" + name + "' needs a 'type'");
        Require.text(comment, "comment");
        values = Require.list(values);
        Require.isTrue(type.kind() != DataType.Kind.ENUM || !values.isEmpty(),
                "enum column '" + name + "' needs its accepted 'values'");
    }

    public static Column of(String name, DataType type, boolean nullable, String comment) {
        return new Column(name, type, nullable, comment, List.of());
    }

    /** A landing field marked * in the contract: it must be present and non-empty. */
    public boolean required() {
        return !nullable;
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, comment, values);
    }
}
