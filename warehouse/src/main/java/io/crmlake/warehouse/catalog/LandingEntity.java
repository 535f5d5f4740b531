package io.crmlake.warehouse.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.Require;
import java.util.List;
import java.util.Optional;

/**
 * What a source system delivers for one entity under {@code landing/<name>/<batch>/}.
 * {@code key} identifies a row: a second row with the same key in one batch is a duplicate;
 * in a later batch it is a correction. {@code customer_ref} names the field that must point at
 * a known customer.
 */
public record LandingEntity(
        String name,
        boolean required,
        String comment,
        List<String> key,
        String customerRef,
        String orderBy,
        List<Column> fields) implements java.io.Serializable {

    @JsonCreator
    public LandingEntity(@JsonProperty("name") String name,
                         @JsonProperty("required") Boolean required,
                         @JsonProperty("comment") String comment,
                         @JsonProperty("key") List<String> key,
                         @JsonProperty("customer_ref") String customerRef,
                         @JsonProperty("order_by") String orderBy,
                         @JsonProperty("fields") List<Column> fields) {
        this(name, required != null && required, comment, key, customerRef, orderBy, fields);
    }

    public LandingEntity {
        Require.text(name, "name");
        Require.text(comment, "comment");
        key = Require.nonEmpty(key, "key");
        fields = Require.nonEmpty(fields, "fields");
        List<String> names = fields.stream().map(Column::name).toList();
        for (String k : key) {
            Require.isTrue(names.contains(k), "entity '" + name + "' key '" + k + "' is not one of its fields");
        }
        Require.isTrue(customerRef == null || names.contains(customerRef),
                "entity '" + name + "' customer_ref '" + customerRef + "' is not one of its fields");
        Require.isTrue(orderBy == null || names.contains(orderBy),
                "entity '" + name + "' order_by '" + orderBy + "' is not one of its fields");
    }

    public List<String> fieldNames() {
        return fields.stream().map(Column::name).toList();
    }

    public Optional<Column> field(String fieldName) {
        return fields.stream().filter(c -> c.name().equals(fieldName)).findFirst();
    }

    public String bronzeTable() {
        return "bronze_" + name;
    }

    public String silverTable() {
        return "silver_" + name;
    }
}
