package io.crmlake.etl.cli;

import io.crmlake.etl.spark.LakeTables;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish every gold table and mart into the DuckDB serving catalog,",
                "written as a new file and renamed atomically over the current one (issue 5)."})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Override
    public Integer call() {
        run(lake.tables());
        return 0;
    }

    static void run(LakeTables tables) {
        Console.line("crmlake publish: not built yet, skipped");
    }
}
