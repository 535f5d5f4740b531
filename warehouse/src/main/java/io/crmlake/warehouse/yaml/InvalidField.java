package io.crmlake.warehouse.yaml;

/**
 * Thrown from a record constructor when one nested field is at fault. The field path is
 * relative to the record being built (e.g. {@code bands[1].lower.inclusive}); {@link YamlDocuments}
 * appends it to the path Jackson knows and reports the line of that field, not the line where
 * the enclosing object ends.
 */
public class InvalidField extends IllegalArgumentException {
    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The path of this field under a parent path, in the form Jackson paths are printed here. */
    public static String join(String parent, String child) {
        if (parent == null || parent.isEmpty()) {
            return child == null ? "" : child;
        }
        if (child == null || child.isEmpty()) {
            return parent;
        }
        return child.startsWith("[") ? parent + child : parent + "." + child;
    }
}
