package io.crmlake.etl.cli;

import io.crmlake.etl.generate.GenerationSummary;
import io.crmlake.etl.generate.Generator;
import io.crmlake.etl.generate.GeneratorSpec;
import io.crmlake.warehouse.lake.LakePaths;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic synthetic business into the landing zone (one batch per month, with",
                "_SUCCESS markers): org chart, products, contractual (sBG churn) and non-contractual",
                "(BG/NBD + Gamma-Gamma) customers, campaigns with control groups, attribute changes.",
                "The true parameters go to <landing>/_generator/truth.json; --dirty adds bad rows listed",
                "in <landing>/_generator/defects.csv."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Option(names = "--customers", defaultValue = "5000", description = "Customers (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--months", defaultValue = "24", description = "Months, one batch each (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dirty", defaultValue = "0", paramLabel = "RATE",
            description = "Extra bad rows per good row, e.g. 0.01 (default: ${DEFAULT-VALUE}).")
    double dirty;

    @Option(names = "--locale", defaultValue = "zh", description = "zh (Chinese names and places) or en (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--start-month", paramLabel = "YYYY-MM", description = "First month (default: 2024-01).")
    YearMonth startMonth;

    @Override
    public Integer call() {
        String landing = lake.config().paths().landing();
        if (!LakePaths.isLocal(landing)) {
            throw new IllegalArgumentException("generate writes to a local landing zone; " + landing
                    + " is remote: generate locally and copy the folders, or pass --landing PATH");
        }
        GeneratorSpec spec = GeneratorSpec.of(customers, months, seed).withDirtyRate(dirty).withLocale(locale);
        if (startMonth != null) {
            spec = spec.withStartMonth(startMonth);
        }
        run(spec, Path.of(landing));
        return 0;
    }

    static GenerationSummary run(GeneratorSpec spec, Path landing) {
        Console.heading(String.format("generate %,d customers x %d months (seed %d, dirty %s, %s) into %s",
                spec.customers(), spec.months(), spec.seed(), spec.dirtyRate(), spec.locale(), landing));
        GenerationSummary summary = Generator.generate(spec, landing, line -> Console.line("  " + line));
        Console.line(summary.toString());
        return summary;
    }
}
