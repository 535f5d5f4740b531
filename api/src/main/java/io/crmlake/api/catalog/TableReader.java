package io.crmlake.api.catalog;

import io.crmlake.warehouse.catalog.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small fixed reads for the customer and KPI views: all catalog columns of one table, with a
 * condition written by our code (column names from the catalog, values bound). A table that the
 * catalog or the published file does not have yet reads as empty, so a view still answers
 * while a mart is missing.
 */
public final class TableReader {

    private final Connection connection;
    private final ServedTables tables;
    private final CatalogGeneration generation;

    public TableReader(Connection connection, ServedTables tables, CatalogGeneration generation) {
        this.connection = connection;
        this.tables = tables;
        this.generation = generation;
    }

    public Optional<Table> table(String name) {
        return tables.find(name).filter(t -> generation.hasTable(t.name()));
    }

    /**
     * Rows of {@code table} matching {@code where} (SQL over its catalog columns with ? for
     * values), ordered, at most {@code limit}; empty when the table is not there.
     */
    public List<Map<String, Object>> rows(String table, String where, String orderBy, int limit, Object... values)
            throws SQLException {
        Optional<Table> t = table(table);
        if (t.isEmpty()) {
            return List.of();
        }
        for (String column : referencedColumns(where + " " + orderBy)) {
            if (t.get().column(column).isEmpty()) {
                return List.of(); // the mart's columns changed under us: treat as not there yet
            }
        }
        String sql = "SELECT " + t.get().columns().stream().map(c -> "\"" + c.name() + "\"")
                .reduce((a, b) -> a + ", " + b).orElseThrow()
                + " FROM \"" + t.get().name() + "\" WHERE " + where
                + (orderBy.isBlank() ? "" : " ORDER BY " + orderBy) + " LIMIT " + limit;
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(Rows.row(rs, t.get()));
                }
            }
        }
        return rows;
    }

    /** Distinct values of one column, newest (largest) first; empty when the table is not there. */
    public List<Object> distinctDescending(String table, String column, String where, int limit, Object... values)
            throws SQLException {
        Optional<Table> t = table(table);
        if (t.isEmpty() || t.get().column(column).isEmpty()) {
            return List.of();
        }
        String sql = "SELECT DISTINCT \"" + column + "\" FROM \"" + t.get().name() + "\" WHERE " + where
                + " ORDER BY 1 DESC LIMIT " + limit;
        List<Object> result = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(Rows.value(rs, 1, t.get().column(column).orElseThrow()));
                }
            }
        }
        return result;
    }

    /** The quoted identifiers in a condition written by our own code, e.g. {@code "customer_id" = ?}. */
    private static List<String> referencedColumns(String sqlFragment) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([a-z_][a-z0-9_]*)\"").matcher(sqlFragment);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
