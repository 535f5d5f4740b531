package io.crmlake.warehouse.rules;

import io.crmlake.warehouse.yaml.InvalidField;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The version and effective date every rules file starts with. */
final class RulesHeader {
    private RulesHeader() {}

    static int version(Integer version) {
        return Ids.positive(version, "version", "the version of this rules file, raised on every change");
    }

    static LocalDate date(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidField(field, "is required: a date such as 2025-01-01");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "'" + value + "' is not a date; expected YYYY-MM-DD");
        }
    }
}
