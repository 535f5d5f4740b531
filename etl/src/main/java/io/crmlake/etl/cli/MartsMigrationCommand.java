package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migration", mixinStandardHelpOptions = true,
        description = "Segment history per scheme and month, transition matrices, flows, Markov projection (issue 4).")
final class MartsMigrationCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Override
    public Integer call() {
        var tables = lake.tables();
        run(mart.run(lake, tables));
        return 0;
    }

    static void run(MartRun run) {
        Console.line("crmlake marts migration: not built yet, skipped");
    }
}
