package io.crmlake.api.marts;

import io.crmlake.api.catalog.Rows;
import io.crmlake.warehouse.catalog.Column;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams a query's rows as CSV while DuckDB produces them (streamed results, a bounded
 * fetch), so an export of any size never sits in memory. UTF-8 with a byte-order mark, because
 * that is what makes Excel read Chinese text correctly.
 */
final class CsvExport implements StreamingResponseBody {

    static final int FETCH_SIZE = 2048;
    private static final int FLUSH_EVERY = 5000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<Column> columns;

    /** Runs the query now, so that a failing query is still an ordinary error response. */
    CsvExport(Connection connection, MartSql sql, List<Column> columns) throws SQLException {
        this.connection = connection;
        this.statement = sql.prepare(connection);
        this.statement.setFetchSize(FETCH_SIZE);
        this.rows = statement.executeQuery();
        this.columns = columns;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (connection; statement; rows) {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(columns.stream().map(Column::name).toArray(String[]::new)).get());
            long n = 0;
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    csv.print(Rows.value(rows, i + 1, columns.get(i)));
                }
                csv.println();
                if (++n % FLUSH_EVERY == 0) {
                    csv.flush();
                }
            }
            csv.flush();
        } catch (SQLException e) {
            throw new IOException("CSV export stopped: " + e.getMessage(), e);
        }
    }
}
