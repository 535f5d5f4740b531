package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.contribution.ContributionJob;
import picocli.CommandLine.Command;

@Command(name = "contribution", mixinStandardHelpOptions = true,
        description = {"20/80 contribution of revenue and margin by company, region, branch, outlet, channel, product "
                + "category and segment: Pareto curve at 100 points, top 1/5/10/20 % shares, customers needed for 80 %, "
                + "Gini, each customer's ABC class by cumulative share and by count. Negative margins are kept.",
                "Writes mart_contribution_curve, mart_contribution_summary, mart_customer_abc."})
final class MartsContributionCommand extends MartCommand {

    @Override
    void compute(MartRun run) {
        run(run);
    }

    static void run(MartRun run) {
        timed("contribution", () -> new ContributionJob(run).run());
    }
}
