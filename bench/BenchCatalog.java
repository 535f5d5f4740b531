import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import io.crmlake.warehouse.serving.PublishedTable;
import io.crmlake.warehouse.serving.ServingCatalogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A serving catalog for bench/api-load.sh: synthetic rows (100k customers, 1M transactions,
 * 1.2M customer-months) written to Parquet with DuckDB and published with the warehouse's
 * ServingCatalogWriter, facts as views over their files as publish does. With
 * {@code --republish SECONDS --for SECONDS} it re-publishes the same files in a loop, so the
 * load can run while the catalog is swapped underneath the service. With {@code --facts-by-customer}
 * the fact files are laid out as a proposed publish would write them: rows grouped by month (the
 * lake's partitions) and sorted by customer_id inside, in row groups of 16,384 rows, so that
 * DuckDB's row-group statistics skip most of a file on a one-customer lookup.
 *   java -cp <warehouse classpath> bench/BenchCatalog.java SERVING_DIR [--facts-by-customer] [--republish 5 --for 60]
 */
public class BenchCatalog {

    static final Map<String, Long> ROWS = Map.of("dim_customer", 100_000L, "fact_transaction", 1_000_000L,
            "fact_customer_month", 1_200_000L);

    static final int SORTED_ROW_GROUP = 16_384;

    public static void main(String[] args) throws Exception {
        Path serving = Path.of(args[0]).toAbsolutePath();
        List<String> options = List.of(args).subList(1, args.length);
        boolean byCustomer = options.contains("--facts-by-customer");
        int republish = options.indexOf("--republish");
        Path parquet = serving.resolveSibling(byCustomer ? "bench-parquet-by-customer" : "bench-parquet");
        Files.createDirectories(parquet);
        List<PublishedTable> tables = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Table t : Catalog.get().tables()) {
                boolean served = t.layer() == Layer.GOLD || t.layer() == Layer.MART
                        || t.name().equals("ops_batch_log") || t.name().equals("ops_quarantine");
                if (!served) {
                    continue;
                }
                Long rows = ROWS.get(t.name());
                if (rows == null) {
                    tables.add(PublishedTable.absent(t));
                    continue;
                }
                Path file = parquet.resolve(t.name() + ".parquet");
                if (!Files.exists(file)) {
                    long start = System.nanoTime();
                    boolean sorted = byCustomer && t.name().startsWith("fact_");
                    try (Statement s = duck.createStatement()) {
                        s.execute("COPY (SELECT " + t.columns().stream().map(BenchCatalog::expression)
                                .collect(Collectors.joining(", ")) + " FROM range(" + rows + ") r(i)"
                                + (sorted ? " ORDER BY month_key, customer_id" : "") + ") TO '" + file
                                + "' (FORMAT parquet" + (sorted ? ", ROW_GROUP_SIZE " + SORTED_ROW_GROUP : "") + ")");
                    }
                    System.out.printf("bench catalog: %s %,d rows in %.1f s%n", t.name(), rows, (System.nanoTime() - start) / 1e9);
                }
                tables.add(new PublishedTable(t, List.of(file.toString()), 1,
                        t.name().startsWith("fact_") ? PublishedTable.Storage.VIEW : PublishedTable.Storage.TABLE));
            }
        }
        long start = System.nanoTime();
        ServingCatalogWriter.publish(serving, tables, Instant.now());
        System.out.printf("bench catalog: published %s in %.1f s%n", serving, (System.nanoTime() - start) / 1e9);
        if (republish >= 0) {
            long every = Long.parseLong(options.get(republish + 1)) * 1000;
            long until = System.currentTimeMillis() + Long.parseLong(options.get(options.indexOf("--for") + 1)) * 1000;
            int n = 0;
            while (System.currentTimeMillis() + every < until) {
                Thread.sleep(every);
                ServingCatalogWriter.publish(serving, tables, Instant.now());
                n++;
            }
            System.out.printf("bench catalog: re-published %d times%n", n);
        }
    }

    /** A plausible value per column: customer ids shared across tables, months in 2023, etc. */
    static String expression(Column c) {
        String n = c.name();
        String e = switch (c.type().stored().kind()) {
            case STRING -> n.equals("customer_id") ? "printf('C%06d', i % 100000)"
                    : n.endsWith("_id") ? "printf('" + n.charAt(0) + "%07d', i)" : "'v' || (i % 50)";
            case INT -> n.equals("month_key") ? "CAST(202301 + (i // 100000) % 12 AS INTEGER)" : "CAST(i % 1000 AS INTEGER)";
            case BIGINT -> "i";
            case DOUBLE -> "random()";
            case DECIMAL -> "CAST(random() * 1000 AS " + c.type().duckDb() + ")";
            case BOOLEAN -> "i % 2 = 0";
            case DATE -> "DATE '2023-01-01' + CAST(i % 365 AS INTEGER)";
            case TIMESTAMP -> "TIMESTAMPTZ '2023-01-01 00:00:00+00' + to_seconds(CAST(i % 31536000 AS BIGINT))";
            default -> "NULL";
        };
        return e + " AS \"" + n + "\"";
    }
}
