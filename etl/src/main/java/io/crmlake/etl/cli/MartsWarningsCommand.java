package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.warnings.WarningsJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "warnings", mixinStandardHelpOptions = true,
        description = "Early warnings per customer and day, with owner, due date and completion (issue 4).")
final class MartsWarningsCommand implements Callable<Integer> {

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
        long start = System.currentTimeMillis();
        long rows = new WarningsJob(run).run();
        Console.line("mart_warning: " + rows + " warnings in " + Console.seconds(System.currentTimeMillis() - start));
    }
}
