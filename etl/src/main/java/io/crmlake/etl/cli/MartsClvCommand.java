package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.marts.clv.ClvSettings;
import io.crmlake.etl.marts.clv.CustomerValueJob;
import io.crmlake.etl.marts.clv.CustomerValueJob.Report;
import io.crmlake.etl.model.fit.FitResult;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "clv", mixinStandardHelpOptions = true,
        description = {"Customer value mart as of a date: RFM summary, P(alive), expected purchases and spend,",
                "discounted CLV (BG/NBD + Gamma-Gamma for non-contractual, sBG for contractual customers),",
                "decile and value band; one row per fitted model in mart_clv_model_run.",
                "Defaults for the options below come from clv.yml in the rules folder."})
final class MartsClvCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Option(names = "--time-unit", paramLabel = "UNIT",
            description = "Unit of t_x and T and of the fitted alpha: days, weeks or months (default: clv.yml, weeks).")
    String timeUnit;

    @Option(names = "--horizon-months", paramLabel = "N", description = "CLV horizon in months (default: clv.yml, 12).")
    Integer horizonMonths;

    @Option(names = "--discount-rate", paramLabel = "RATE",
            description = "Effective annual discount rate, e.g. 0.10 (default: clv.yml).")
    Double discountRate;

    @Option(names = "--holdout-weeks", paramLabel = "N",
            description = {"Also fit on the data up to as-of minus N weeks and report the error of the predicted",
                    "purchases in the last N weeks (default: clv.yml holdout_weeks; 0 = no holdout check)."})
    Integer holdoutWeeks;

    @Override
    public Integer call() {
        var tables = lake.tables();
        MartRun run = mart.run(lake, tables);
        ClvSettings settings = ClvSettings.defaults(run.rules().clv(), run.asOf());
        if (holdoutWeeks != null) {
            settings = settings.withHoldoutWeeks(holdoutWeeks);
        }
        if (timeUnit != null) {
            settings = settings.withTimeUnit(ClvSettings.timeUnit(timeUnit));
        }
        if (horizonMonths != null) {
            settings = settings.withHorizonMonths(horizonMonths);
        }
        if (discountRate != null) {
            settings = settings.withDiscountRate(discountRate);
        }
        print(CustomerValueJob.run(run, settings));
        return 0;
    }

    /** With the rules' defaults (as part of `crmlake marts`). */
    static void run(MartRun run) {
        print(CustomerValueJob.run(run, ClvSettings.defaults(run.rules().clv(), run.asOf())));
    }

    static void print(Report report) {
        FitResult<?> bg = report.transactions().fit();
        FitResult<?> gg = report.spend().fit();
        if (!"ok".equals(report.transactions().status())) {
            Console.line("BG/NBD note: " + report.transactions().detail());
        }
        Console.line(String.format(Locale.ROOT, "BG/NBD (%s): r=%.4f alpha=%.4f a=%.4f b=%.4f  LL=%.2f  (%d customers, %d tuples, %d iterations, %.2f s)",
                report.settings().timeUnitName(), bg.estimate("r"), bg.estimate("alpha"), bg.estimate("a"), bg.estimate("b"),
                bg.logLikelihood(), Math.round(bg.observations()), report.transactions().distinctRows(),
                bg.convergence().iterations(), report.transactions().seconds()));
        Console.line(String.format(Locale.ROOT, "Gamma-Gamma: p=%.4f q=%.4f gamma=%.4f  LL=%.2f  (%d repeat buyers, corr(x, spend)=%s)",
                gg.estimate("p"), gg.estimate("q"), gg.estimate("gamma"), gg.logLikelihood(), Math.round(gg.observations()),
                report.spend().frequencySpendCorrelation() == null ? "n/a"
                        : String.format(Locale.ROOT, "%.3f", report.spend().frequencySpendCorrelation())));
        var pooled = report.retention().pooled();
        long fitted = report.retention().cohorts().stream().filter(c -> c.fit() != null).count();
        if (pooled.fit() != null) {
            Console.line(String.format(Locale.ROOT, "sBG (months), pooled: alpha=%.4f beta=%.4f  LL=%.2f  (%d accounts; %d of %d cohorts fitted on their own)",
                    pooled.fit().estimate("alpha"), pooled.fit().estimate("beta"), pooled.fit().logLikelihood(),
                    report.retention().accounts(), fitted, report.retention().cohorts().size()));
        } else {
            Console.line("sBG: not fitted (" + pooled.status() + ": " + pooled.detail() + "); contractual customers with open accounts have status cohort_not_fitted");
        }
        var h = report.holdout();
        if (h != null) {
            Console.line(String.format(Locale.ROOT, "holdout %d weeks after %s: MAE=%.4f RMSE=%.4f per customer; predicted %.1f vs actual %d purchases (%d customers)",
                    h.weeks(), h.calibrationEnd(), h.mae(), h.rmse(), h.predictedTotal(), h.actualTotal(), h.customers()));
        }
        StringBuilder statuses = new StringBuilder();
        for (Map.Entry<String, Long> e : report.customersByStatus().entrySet()) {
            statuses.append(statuses.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        Console.line(String.format(Locale.ROOT, "customers scored: %d (%s) as of %s in %.1f s",
                report.customers(), statuses, report.settings().asOf(), report.seconds()));
    }
}
