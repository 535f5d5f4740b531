package io.crmlake.etl.cli;

import io.crmlake.etl.publish.PublishJob;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.serving.PublishSummary;
import io.crmlake.warehouse.serving.PublishedTable.Storage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish every gold table and mart (and the ops tables) into the DuckDB serving catalog",
                "<serving>/crmlake.duckdb: marts and dimensions copied in, facts as views over the Delta files;",
                "written as a new file and renamed atomically over the current one, so readers never see half a catalog."})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Override
    public Integer call() {
        run(lake.tables());
        return 0;
    }

    static PublishSummary run(LakeTables tables) {
        long start = System.currentTimeMillis();
        Console.heading("publish " + tables.paths().serving());
        PublishSummary summary = new PublishJob(tables, Console::line).run();
        long views = summary.tables().stream().filter(t -> t.storage() == Storage.VIEW).count();
        Console.line(String.format("published %d tables (%d copied, %d views over the lake's files), %,d rows, %.1f MB, in %s: %s",
                summary.tables().size(), summary.tables().size() - views, views, summary.rows(),
                summary.fileBytes() / 1e6, Console.seconds(System.currentTimeMillis() - start), summary.file()));
        return summary;
    }
}
