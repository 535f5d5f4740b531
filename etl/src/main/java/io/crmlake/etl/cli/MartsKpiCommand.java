package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.kpi.KpiJob;
import picocli.CommandLine.Command;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = "KPIs against versioned targets: churn, snapshot retention, task completion (issue 4).")
final class MartsKpiCommand extends MartCommand {

    @Override
    void compute(MartRun run) {
        run(run);
    }

    static void run(MartRun run) {
        timed("mart_kpi", "rows", () -> new KpiJob(run).run());
    }
}
