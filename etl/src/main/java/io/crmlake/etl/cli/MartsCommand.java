package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "marts", mixinStandardHelpOptions = true,
        description = {"Compute the analysis marts from the star schema, as of a date.",
                "Without a sub-command, every mart in dependency order."},
        subcommands = {MartsClvCommand.class, MartsMigrationCommand.class, MartsContributionCommand.class,
                MartsKpiCommand.class, MartsWarningsCommand.class})
final class MartsCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Override
    public Integer call() {
        long start = System.currentTimeMillis();
        var tables = lake.tables();
        runAll(mart.run(lake, tables));
        Console.line("marts done in " + Console.seconds(System.currentTimeMillis() - start));
        return 0;
    }

    /** Every mart, in dependency order: KPIs read the warnings, contribution reads the segments. */
    static void runAll(MartRun run) {
        Console.heading("marts as of " + run.asOf());
        MartsClvCommand.run(run);
        MartsMigrationCommand.run(run);
        MartsContributionCommand.run(run);
        MartsWarningsCommand.run(run);
        MartsKpiCommand.run(run);
    }
}
