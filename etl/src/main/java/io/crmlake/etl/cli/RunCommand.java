package io.crmlake.etl.cli;

import io.crmlake.etl.spark.LakeTables;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"The whole pipeline, then exit: ingest every complete batch, build the star schema,",
                "compute the marts, publish the serving catalog, print the lake's status. The same code path runs locally and under spark-submit."})
final class RunCommand implements Callable<Integer> {

    /** The pipeline's stages, in order; {@code --stop-after} names the last one to run. */
    enum Stage { ingest, build, marts, publish }

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Option(names = "--stop-after", paramLabel = "STAGE", defaultValue = "publish",
            description = {"Last stage to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                    "For example, a frequent `run --stop-after build` folds each delivery into the star in one JVM,",
                    "and a nightly `run` adds the marts and publishes them."})
    Stage stopAfter;

    @Override
    public Integer call() {
        long start = System.currentTimeMillis();
        LakeTables tables = lake.tables();
        run(lake, mart, tables, stopAfter);
        Console.line("run done in " + Console.seconds(System.currentTimeMillis() - start));
        return 0;
    }

    static void run(LakeOptions lake, MartOptions mart, LakeTables tables) {
        run(lake, mart, tables, Stage.publish);
    }

    static void run(LakeOptions lake, MartOptions mart, LakeTables tables, Stage last) {
        IngestCommand.run(tables, lake.config().paths().landing(), Optional.empty(), false);
        if (last.compareTo(Stage.build) >= 0) {
            BuildCommand.run(tables);
        }
        if (last.compareTo(Stage.marts) >= 0) {
            MartsCommand.runAll(mart.run(lake, tables));
        }
        if (last.compareTo(Stage.publish) >= 0) {
            PublishCommand.run(tables);
        }
        StatusCommand.print(tables);
    }
}
