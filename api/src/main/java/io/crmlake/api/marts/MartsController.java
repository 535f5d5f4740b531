package io.crmlake.api.marts;

import io.crmlake.api.catalog.CatalogGeneration;
import io.crmlake.api.catalog.CatalogSession;
import io.crmlake.api.catalog.LiveCatalog;
import io.crmlake.api.catalog.Rows;
import io.crmlake.api.catalog.ServedTables;
import io.crmlake.api.problems.NotFoundException;
import io.crmlake.api.security.PersonalData;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The marts (and gold tables) of the published catalog: their columns, and their rows. */
@RestController
class MartsController {

    private final LiveCatalog catalog;
    private final ServedTables tables;
    private final PersonalData personalData;

    MartsController(LiveCatalog catalog, ServedTables tables, PersonalData personalData) {
        this.catalog = catalog;
        this.tables = tables;
        this.personalData = personalData;
    }

    record ColumnInfo(String name, String type, boolean nullable, String comment, boolean personal) {
        static ColumnInfo of(Column c) {
            return new ColumnInfo(c.name(), c.type().stored().sql(), c.nullable(), c.comment(), PersonalData.isPersonal(c));
        }
    }

    record TableInfo(String name, String layer, String comment, List<String> key, List<ColumnInfo> columns,
                     boolean published, Long rows, Long deltaVersion) {
    }

    record Page(String table, Instant publishedAt, long page, int size, long total, List<Map<String, Object>> rows) {
    }

    @Operation(summary = "Every served table with its columns, types and comments, from the catalog")
    @GetMapping("/api/marts")
    List<TableInfo> list() {
        CatalogGeneration g = catalog.current().orElse(null);
        return tables.all().stream().map(t -> new TableInfo(t.name(), t.layer().folder(), t.comment(), t.key(),
                t.columns().stream().map(ColumnInfo::of).toList(),
                g != null && g.hasTable(t.name()),
                g == null ? null : g.rowCounts().get(t.name()),
                g == null ? null : g.deltaVersions().get(t.name()))).toList();
    }

    @Operation(summary = "Rows of one table as JSON pages: filters col=v, col.gt|gte|lt|lte|ne=v, col.in=a,b; sort=col,-col; page (from 0), size (1..1000)")
    @GetMapping("/api/marts/{name}")
    Page rows(@PathVariable String name,
              @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
              Authentication caller) throws SQLException {
        MartQuery query = MartQueryParser.parse(table(name), params);
        if (query.format() == MartQuery.Format.CSV) {
            throw new IllegalStateException("format=csv is routed to csv()");
        }
        try (CatalogSession session = catalog.session()) {
            return page(session.connection(), query, published(session.generation(), query.table()).publishedAt(), caller);
        }
    }

    @Operation(summary = "All matching rows as CSV (UTF-8), streamed: same filters and sort as the JSON form; page and size only when given")
    @GetMapping(value = "/api/marts/{name}", params = "format=csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String name,
                                              @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params)
            throws SQLException {
        MartQuery query = MartQueryParser.parse(table(name), params);
        CatalogSession session = catalog.session();
        Connection connection = session.connection();
        try {
            published(session.generation(), query.table());
            CsvExport export = new CsvExport(connection, MartSql.select(query), query.table().columns());
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(query.table().name() + ".csv").build().toString())
                    .body(export); // the export closes the connection when the stream ends
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private Table table(String name) {
        return tables.find(name).orElseThrow(() -> new NotFoundException("no mart or table named '"
                + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "'; GET /api/marts lists them"));
    }

    private static CatalogGeneration published(CatalogGeneration g, Table table) {
        if (!g.hasTable(table.name())) {
            throw new NotFoundException(table.name() + " is in the catalog but not in the published file (published "
                    + g.publishedAt() + "); run `crmlake publish`");
        }
        return g;
    }

    private Page page(Connection connection, MartQuery query, Instant publishedAt, Authentication caller) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = MartSql.select(query).prepare(connection); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(personalData.apply(caller, query.table().columns(), Rows.row(rs, query.table())));
            }
        }
        return new Page(query.table().name(), publishedAt, query.page(), query.size(), total(connection, query, rows.size()), rows);
    }

    /**
     * A page that is not full is the last one, so it tells the total itself (an empty first page:
     * zero); only a full page, or an empty one past the end, needs the count. This spares the second scan exactly where it is
     * dear: a selective filter on a large fact view (one customer's transactions), where the count
     * would read the whole filter column again.
     */
    private static long total(Connection connection, MartQuery query, int rowsOnPage) throws SQLException {
        if (rowsOnPage < query.size() && (rowsOnPage > 0 || query.page() == 0)) {
            return query.page() * query.size() + rowsOnPage;
        }
        try (PreparedStatement ps = MartSql.count(query).prepare(connection); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
