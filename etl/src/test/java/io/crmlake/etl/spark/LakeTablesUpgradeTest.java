package io.crmlake.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DeltaDdl;
import io.crmlake.warehouse.catalog.Table;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    @Test
    void aSilverTableCreatedWithoutDeletionVectorsGetsThemWhenOpened() {
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        String location = tables.location("silver_channels");
        String ddl = DeltaDdl.createTable(tables.table("silver_channels"), DeltaDdl.pathTarget(location));
        tables.spark().sql(ddl.substring(0, ddl.indexOf("\nTBLPROPERTIES")));
        assertThat(properties(tables, location)).doesNotContainKey(DeltaDdl.DELETION_VECTORS);

        LakeTables reopened = SharedSpark.lake(dir.resolve("lake"));
        assertThat(reopened.exists("silver_channels")).isTrue();
        assertThat(properties(reopened, location)).containsEntry(DeltaDdl.DELETION_VECTORS, "true");
    }

    private static Map<String, String> properties(LakeTables tables, String location) {
        return DeltaTable.forPath(tables.spark(), location).detail().select("properties").first().getJavaMap(0);
    }
}
