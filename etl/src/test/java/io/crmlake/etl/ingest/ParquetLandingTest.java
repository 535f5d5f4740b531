package io.crmlake.etl.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.Landing;
import io.crmlake.etl.support.SharedSpark;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet deliveries are checked like CSV: typed values in, the same bronze rows and quarantine reasons out. */
class ParquetLandingTest {

    @TempDir
    Path dir;

    @Test
    void typedParquetRowsLoadAndBadOnesAreQuarantinedWithTheirReason() {
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        Landing landing = new Landing(dir.resolve("lake/landing"));
        landing.batch("customers", "2024-01")
                .row("customer_id=C1", "updated_at=2024-01-01T00:00:00+08:00")
                .write();
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("txn_id", DataTypes.StringType, false),
                DataTypes.createStructField("customer_id", DataTypes.StringType, true),
                DataTypes.createStructField("txn_ts", DataTypes.TimestampType, true),
                DataTypes.createStructField("amount", DataTypes.createDecimalType(18, 2), true),
                DataTypes.createStructField("txn_type", DataTypes.StringType, true),
                DataTypes.createStructField("quantity", DataTypes.IntegerType, true),
                DataTypes.createStructField("cost", DataTypes.DoubleType, true)));
        Timestamp ts = Timestamp.from(Instant.parse("2024-01-15T06:30:00Z"));
        List<Row> rows = List.of(
                RowFactory.create("T1", "C1", ts, new BigDecimal("129.90"), "purchase", 2, 80.5),
                RowFactory.create("T2", "C1", ts, null, "purchase", 1, null),
                RowFactory.create("T3", "C1", ts, new BigDecimal("10.00"), "gift", 1, null),
                RowFactory.create("T4", "C404", ts, new BigDecimal("10.00"), "purchase", 1, null));
        tables.spark().createDataFrame(rows, schema).coalesce(1).write()
                .parquet(landing.root().resolve("transactions/2024-01").toString());

        LandingZone zone = new LandingZone(landing.root().toString(), tables.spark().sparkContext().hadoopConfiguration());
        List<BatchResult> results = new IngestJob(tables, zone, line -> { }).run(Optional.empty(), false);

        BatchResult txns = results.stream().filter(r -> r.entity().equals("transactions")).findFirst().orElseThrow();
        assertThat(txns.rowsRead()).isEqualTo(4);
        assertThat(txns.rowsLoaded()).isEqualTo(1);
        assertThat(txns.rowsQuarantined()).isEqualTo(3);
        Row loaded = tables.read("bronze_transactions").first();
        assertThat(loaded.<String>getAs("txn_id")).isEqualTo("T1");
        assertThat(loaded.<BigDecimal>getAs("amount")).isEqualByComparingTo("129.90");
        assertThat(loaded.<BigDecimal>getAs("cost")).isEqualByComparingTo("80.50");
        assertThat(loaded.<Timestamp>getAs("txn_ts").toInstant()).isEqualTo(Instant.parse("2024-01-15T06:30:00Z"));
        assertThat(loaded.<Long>getAs("_row_number")).isEqualTo(1L);

        Map<Long, String> reasons = tables.read("ops_quarantine").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<Long>getAs("row_number"), r -> r.<String>getAs("reason") + "/" + r.<String>getAs("field")));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                2L, "missing_required/amount",
                3L, "unknown_code/txn_type",
                4L, "orphan_customer/customer_id"));
        String raw = tables.read("ops_quarantine").where("row_number = 3").first().getAs("raw_line");
        assertThat(raw).as("a quarantined Parquet row keeps a readable raw line")
                .contains("\"txn_id\":\"T3\"").contains("\"txn_type\":\"gift\"");
    }

    @Test
    void aParquetFileWithAColumnOutsideTheContractIsRefusedByName() {
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        Path landingRoot = dir.resolve("lake/landing");
        new Landing(landingRoot).batch("customers", "2024-01")
                .row("customer_id=C1", "updated_at=2024-01-01T00:00:00+08:00").write();
        tables.spark().sql("SELECT 'T1' AS txn_id, 'C1' AS customer_id, current_timestamp() AS txn_ts, "
                        + "CAST(1 AS DECIMAL(18,2)) AS amount, 'x' AS loyalty_points")
                .coalesce(1).write().parquet(landingRoot.resolve("transactions/2024-01").toString());
        LandingZone zone = new LandingZone(landingRoot.toString(), tables.spark().sparkContext().hadoopConfiguration());
        assertThatThrownBy(() -> new IngestJob(tables, zone, line -> { }).run(Optional.empty(), false))
                .hasMessageContaining("transactions/2024-01/part-")
                .hasMessageContaining("unknown column(s) [loyalty_points]");
    }
}
