package io.crmlake.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DeltaDdl;
import io.crmlake.warehouse.catalog.Table;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lake written before a nullable column joined the catalog gains it in place, with its comment. */
class LakeTablesUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aColumnTheCatalogGainedIsAddedToAnExistingTable() {
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        Table current = tables.table("ops_batch_log");
        List<Column> older = current.columns().stream().filter(c -> !c.name().equals("file_fingerprint")).toList();
        Table before = new Table(current.name(), current.layer(), current.comment(), older, current.key(), current.partitionBy());
        String location = tables.location("ops_batch_log");
        tables.spark().sql(DeltaDdl.createTable(before, DeltaDdl.pathTarget(location)));

        LakeTables reopened = SharedSpark.lake(dir.resolve("lake"));
        assertThat(reopened.exists("ops_batch_log")).isTrue();

        var schema = reopened.read("ops_batch_log").schema();
        assertThat(Arrays.asList(schema.fieldNames())).contains("file_fingerprint");
        assertThat(schema.apply("file_fingerprint").getComment().get()).startsWith("Name, size and modification time");
    }
}
