package io.crmlake.etl.cli;

import io.crmlake.etl.spark.LakeTables;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The whole pipeline, then exit: ingest every complete batch, build the star schema,",
                "print the lake's status. The same code path runs locally and under spark-submit."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Override
    public Integer call() {
        long start = System.currentTimeMillis();
        LakeTables tables = lake.tables();
        run(tables, lake.config().paths().landing());
        Console.line("run done in " + Console.seconds(System.currentTimeMillis() - start));
        return 0;
    }

    static void run(LakeTables tables, String landing) {
        IngestCommand.run(tables, landing, Optional.empty(), false);
        BuildCommand.run(tables);
        StatusCommand.print(tables);
    }
}
