package io.crmlake.etl.cli;

import io.crmlake.etl.spark.LakeTables;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The whole pipeline, then exit: ingest every complete batch, build the star schema,",
                "compute the marts, publish the serving catalog, print the lake's status. The same code path runs locally and under spark-submit."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Override
    public Integer call() {
        long start = System.currentTimeMillis();
        LakeTables tables = lake.tables();
        run(lake, mart, tables);
        Console.line("run done in " + Console.seconds(System.currentTimeMillis() - start));
        return 0;
    }

    static void run(LakeOptions lake, MartOptions mart, LakeTables tables) {
        IngestCommand.run(tables, lake.config().paths().landing(), Optional.empty(), false);
        BuildCommand.run(tables);
        MartsCommand.runAll(mart.run(lake, tables));
        PublishCommand.run(tables);
        StatusCommand.print(tables);
    }
}
