package io.crmlake.etl.publish;

import io.crmlake.warehouse.serving.ServingCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The other process of {@link PublishWhileReadingTest}: a reader the way the service and a BI
 * tool read. It holds one catalog open the whole time and queries it without pause, and between
 * queries opens fresh connections (through ServingCatalog, and through a plain read-only JDBC
 * URL as a BI tool would). Prints one line per event; "FAIL …" for any error. Stops when the stop
 * file appears.
 */
public final class CatalogReaderProcess {

    private CatalogReaderProcess() {}

    public static void main(String[] args) throws Exception {
        Path serving = Path.of(args[0]);
        Path stop = Path.of(args[1]);
        long queries = 0;
        long failures = 0;
        try (ServingCatalog held = ServingCatalog.open(serving); Connection heldConnection = held.connect()) {
            System.out.println("started " + held.publishedAt() + " " + counts(heldConnection));
            String heldCounts = counts(heldConnection);
            int round = 0;
            while (!Files.exists(stop)) {
                try {
                    String now = counts(heldConnection);
                    queries++;
                    if (!now.equals(heldCounts)) {
                        failures++;
                        System.out.println("FAIL held connection changed from " + heldCounts + " to " + now);
                    }
                    if (round++ % 5 == 0) {
                        try (ServingCatalog fresh = ServingCatalog.open(serving); Connection c = fresh.connect()) {
                            System.out.println("fresh " + fresh.publishedAt() + " " + counts(c));
                        }
                        Properties readOnly = new Properties();
                        readOnly.setProperty("duckdb.read_only", "true");
                        try (Connection bi = DriverManager.getConnection("jdbc:duckdb:" + serving.resolve(ServingCatalog.FILE_NAME), readOnly)) {
                            System.out.println("jdbc " + counts(bi));
                        }
                        queries += 2;
                    }
                } catch (RuntimeException | SQLException e) {
                    failures++;
                    System.out.println("FAIL " + e);
                }
            }
        }
        System.out.println("done queries=" + queries + " failures=" + failures);
    }

    /** Rows of a copied table, rows and sum of a view over the lake, and the publish time, in one line. */
    static String counts(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM dim_customer), (SELECT count(*) FROM fact_transaction), "
                     + "(SELECT sum(amount) FROM fact_transaction), (SELECT max(published_at) FROM crmlake_publish)")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getBigDecimal(3) + "/" + rs.getObject(4, java.time.OffsetDateTime.class).toInstant();
        }
    }
}
