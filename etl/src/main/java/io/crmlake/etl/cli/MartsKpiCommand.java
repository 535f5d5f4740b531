package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.kpi.KpiJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "KPIs against versioned targets: churn, snapshot retention, task completion (issue 4).")
final class MartsKpiCommand implements Callable<Integer> {

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
        long rows = new KpiJob(run).run();
        Console.line("mart_kpi: " + rows + " rows in " + Console.seconds(System.currentTimeMillis() - start));
    }
}
