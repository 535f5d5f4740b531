package io.crmlake.warehouse.catalog;

import java.util.stream.Collectors;

/** The Delta DDL of a catalog table, with table and column comments and NOT NULL constraints. */
public final class DeltaDdl {

    private DeltaDdl() {}

    /** {@code CREATE TABLE IF NOT EXISTS <target> (...) USING DELTA ...}; target is a name or delta.`path`. */
    public static String createTable(Table table, String target) {
        String columns = table.columns().stream()
                .map(c -> "  " + columnDefinition(c))
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
        if (table.layer().deletionVectors()) {
            ddl.append("\nTBLPROPERTIES (").append(literal(DELETION_VECTORS)).append(" = 'true')");
        }
        return ddl.toString();
    }

    /** The Delta table property that turns deletion vectors on (see {@link Layer#deletionVectors()}). */
    public static final String DELETION_VECTORS = "delta.enableDeletionVectors";

    /** {@code ALTER TABLE <target> SET TBLPROPERTIES (...)} turning deletion vectors on for a table created without them. */
    public static String enableDeletionVectors(String target) {
        return "ALTER TABLE " + target + " SET TBLPROPERTIES (" + literal(DELETION_VECTORS) + " = 'true')";
    }

    /**
     * {@code ALTER TABLE <target> ADD COLUMNS (...)} for columns a newer catalog added to an
     * existing table. Only nullable columns can be added: old rows have no value for them.
     */
    public static String addColumns(String target, java.util.List<Column> columns) {
        for (Column c : columns) {
            if (!c.nullable()) {
                throw new IllegalArgumentException("column " + c.name() + " is NOT NULL and cannot be added to existing rows");
            }
        }
        return "ALTER TABLE " + target + " ADD COLUMNS (\n"
                + columns.stream().map(c -> "  " + columnDefinition(c)).collect(Collectors.joining(",\n"))
                + "\n)";
    }

    private static String columnDefinition(Column c) {
        return quote(c.name()) + " " + c.type().sparkSql() + (c.nullable() ? "" : " NOT NULL")
                + " COMMENT " + literal(c.comment());
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
