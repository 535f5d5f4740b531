package io.crmlake.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.serving.PublishedTable;
import io.crmlake.warehouse.serving.ServingCatalogWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What `crmlake status` says about the serving catalog, and the `serving` key's check (no Spark needed). */
class StatusServingCatalogTest {

    @TempDir
    Path dir;

    @Test
    void statusShowsPublishTimeAgeTablesAndWhatChangedSince() {
        Catalog catalog = Catalog.get();
        ServingCatalogWriter.publish(dir, List.of(
                new PublishedTable(catalog.table("dim_channel"), List.of(), 3, PublishedTable.Storage.TABLE),
                PublishedTable.absent(catalog.table("dim_staff"))), Instant.parse("2026-11-24T01:00:00Z"));

        List<String> lines = StatusCommand.servingCatalogLines(dir,
                Map.of("dim_channel", 4L, "dim_staff", 0L), Instant.parse("2026-11-24T03:25:00Z"));

        assertThat(lines).containsExactly(
                "serving catalog: " + dir.resolve("crmlake.duckdb").toAbsolutePath()
                        + ", published 2026-11-24T01:00:00Z (2 h 25 min ago), 2 tables (0 views), 0 rows",
                "  behind the lake, run `crmlake publish`: dim_channel (v3 published, v4 now), dim_staff (absent published, v0 now)");
        assertThat(StatusCommand.servingCatalogLines(dir, Map.of("dim_channel", 3L), Instant.parse("2026-11-27T03:25:00Z")))
                .element(1).isEqualTo("  up to date with the lake");
    }

    @Test
    void statusWithoutACatalogSaysWhatToRun() {
        assertThat(StatusCommand.servingCatalogLines(dir.resolve("none"), Map.of(), Instant.now()))
                .containsExactly("serving catalog: no catalog at " + dir.resolve("none/crmlake.duckdb").toAbsolutePath()
                        + "; run `crmlake run` first");
    }

    @Test
    void aServingFolderOnObjectStorageIsRefusedWithTheFieldNamed() throws Exception {
        Path config = dir.resolve("crmlake.yml");
        Files.writeString(config, "lake: work/lake\nserving: s3a://bucket/serving\n");
        CommandLine cli = Crmlake.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("publish", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("crmlake publish: ").contains(config + " line 2").contains("serving")
                .contains("is not a local path").doesNotContain("\tat ");
    }
}
