package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.warnings.WarningsJob;
import picocli.CommandLine.Command;

@Command(name = "warnings", mixinStandardHelpOptions = true,
        description = "Early warnings per customer and day, with owner, due date and completion (issue 4).")
final class MartsWarningsCommand extends MartCommand {

    @Override
    void compute(MartRun run) {
        run(run);
    }

    static void run(MartRun run) {
        timed("mart_warning", "warnings", () -> new WarningsJob(run).run());
    }
}
