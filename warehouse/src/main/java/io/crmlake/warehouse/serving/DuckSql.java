package io.crmlake.warehouse.serving;

import java.util.List;
import java.util.stream.Collectors;

/** DuckDB SQL spelling: quoted identifiers and string literals (names come from the catalog only). */
final class DuckSql {

    private DuckSql() {}

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String list(List<String> texts) {
        return texts.stream().map(DuckSql::literal).collect(Collectors.joining(", ", "[", "]"));
    }
}
