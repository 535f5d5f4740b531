package io.crmlake.etl.cli;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.star.BuildJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Fold every loaded batch not yet built into silver and the gold star schema",
                "(dimensions incl. SCD2 customers, event facts, monthly snapshots). Re-runnable."})
final class BuildCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Override
    public Integer call() {
        run(lake.tables());
        return 0;
    }

    static BuildJob.BuildResult run(LakeTables tables) {
        Console.heading("build " + tables.paths().root());
        BuildJob.BuildResult r = new BuildJob(tables, Console::line).run();
        if (r.batches() > 0) {
            Console.line(String.format("build done: %d entity batches, snapshots refreshed from %d to %d, %s",
                    r.batches(), r.fromMonth(), r.lastMonth(), Console.seconds(r.millis())));
        }
        return r;
    }
}
