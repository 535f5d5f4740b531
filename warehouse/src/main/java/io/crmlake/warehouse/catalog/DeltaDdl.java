package io.crmlake.warehouse.catalog;

import java.util.stream.Collectors;

/** The Delta DDL of a catalog table, with table and column comments and NOT NULL constraints. */
public final class DeltaDdl {

    private DeltaDdl() {}

    /** {@code CREATE TABLE IF NOT EXISTS <target> (...) USING DELTA ...}; target is a name or delta.`path`. */
    public static String createTable(Table table, String target) {
        String columns = table.columns().stream()
                .map(c -> "  " + quote(c.name()) + " " + c.type().sparkSql()
                        + (c.nullable() ? "" : " NOT NULL")
                        + " COMMENT " + literal(c.comment()))
                .collect(Collectors.joining(",\n"));
        StringBuilder ddl = new StringBuilder()
                .append("CREATE TABLE IF NOT EXISTS ").append(target).append(" (\n")
                .append(columns).append("\n)\nUSING DELTA");
        if (!table.partitionBy().isEmpty()) {
            ddl.append("\nPARTITIONED BY (")
                    .append(table.partitionBy().stream().map(DeltaDdl::quote).collect(Collectors.joining(", ")))
                    .append(")");
        }
        ddl.append("\nCOMMENT ").append(literal(table.comment()));
        return ddl.toString();
    }

    /** A path-based Delta table reference, delta.`path`. */
    public static String pathTarget(String location) {
        return "delta.`" + location.replace("`", "``") + "`";
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** A Spark SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
