package io.crmlake.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.support.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build creates the tables a lake lacks, and leaves the ones it has as they are. */
class LakeTablesCreateMissingTest {

    @TempDir
    Path dir;

    @Test
    void createsTheMissingTablesAndCommitsNothingToThePresentOnes() {
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        tables.ensure("dim_staff");
        long before = tables.version("dim_staff");

        LakeTables reopened = SharedSpark.lake(dir.resolve("lake"));
        reopened.createMissing(List.of("dim_staff", "silver_staff"));

        assertThat(Path.of(reopened.location("silver_staff"), "_delta_log")).isDirectory();
        assertThat(reopened.read("silver_staff").count()).isZero();
        assertThat(reopened.version("silver_staff")).as("created by one commit").isZero();
        assertThat(reopened.version("dim_staff")).isEqualTo(before);
    }
}
