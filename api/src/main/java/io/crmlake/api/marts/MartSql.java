package io.crmlake.api.marts;

import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DataType;
import io.crmlake.warehouse.catalog.Table;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL for a {@link MartQuery}. Identifiers come only from the catalog (snake_case names checked
 * when the catalog loads, and quoted here); every value is a bind parameter.
 */
final class MartSql {

    private final String sql;
    private final List<Object> parameters;

    private MartSql(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String columnList(Table table) {
        return table.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    static MartSql select(MartQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList(q.table()))
                .append(" FROM ").append(quote(q.table().name()));
        where(q, sql, params);
        sql.append(" ORDER BY ").append(orderBy(q));
        if (q.paged()) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add((long) q.size());
            params.add(q.page() * q.size());
        }
        return new MartSql(sql.toString(), params);
    }

    static MartSql count(MartQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ").append(quote(q.table().name()));
        where(q, sql, params);
        return new MartSql(sql.toString(), params);
    }

    private static void where(MartQuery q, StringBuilder sql, List<Object> params) {
        String glue = " WHERE ";
        for (Filter f : q.filters()) {
            sql.append(glue).append(quote(f.column().name())).append(' ').append(f.operator().sql).append(' ');
            if (f.operator() == Filter.Operator.IN) {
                sql.append(f.values().stream().map(v -> placeholder(f.column())).collect(Collectors.joining(", ", "(", ")")));
            } else {
                sql.append(placeholder(f.column()));
            }
            params.addAll(f.values());
            glue = " AND ";
        }
    }

    /** The requested order, then the table's key so that pages are stable. */
    private static String orderBy(MartQuery q) {
        List<String> terms = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (MartQuery.Sort s : q.sorts()) {
            terms.add(quote(s.column().name()) + (s.descending() ? " DESC" : " ASC") + " NULLS LAST");
            used.add(s.column().name());
        }
        List<String> tieBreak = q.table().key().isEmpty() ? q.table().columnNames() : q.table().key();
        for (String k : tieBreak) {
            if (!used.contains(k)) {
                terms.add(quote(k) + " ASC NULLS LAST");
            }
        }
        return String.join(", ", terms);
    }

    private static String placeholder(Column column) {
        DataType type = column.type().stored();
        return switch (type.kind()) {
            case DATE, TIMESTAMP, DECIMAL -> "CAST(? AS " + type.duckDb() + ")";
            default -> "?";
        };
    }

    PreparedStatement prepare(java.sql.Connection connection) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object v = parameters.get(i);
            if (v instanceof BigDecimal d) {
                ps.setString(i + 1, d.toPlainString());
            } else if (v instanceof java.time.temporal.TemporalAccessor) {
                ps.setString(i + 1, v.toString());
            } else {
                ps.setObject(i + 1, v);
            }
        }
        return ps;
    }

    String sql() {
        return sql;
    }
}
