package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.migration.MigrationJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migration", mixinStandardHelpOptions = true,
        description = {"Segment history per scheme and month (with not_yet_customer and churned), transition matrices "
                + "month over month and year over year, flows, and a Markov projection of the segment mix.",
                "Writes mart_segment_month, mart_segment_transition, mart_segment_flow, mart_segment_projection."})
final class MartsMigrationCommand extends MartCommand {

    @Option(names = "--projection-months", paramLabel = "K", defaultValue = "12",
            description = "Months the segment mix is projected ahead (default ${DEFAULT-VALUE}).")
    int projectionMonths;

    @Option(names = "--fitted-months", paramLabel = "N", defaultValue = "12",
            description = "Month-over-month transitions, ending at the as-of month, pooled into the Markov matrix (default ${DEFAULT-VALUE}).")
    int fittedMonths;

    @Override
    void compute(MartRun run) {
        run(run, new MigrationJob.Options(projectionMonths, fittedMonths));
    }

    static void run(MartRun run) {
        run(run, MigrationJob.Options.DEFAULT);
    }

    static void run(MartRun run, MigrationJob.Options options) {
        timed("migration", () -> new MigrationJob(run, options).run());
    }
}
