package io.crmlake.etl.cli;

import io.crmlake.etl.generate.GeneratorSpec;
import io.crmlake.etl.spark.LakeTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The README's first command: generate a laptop-sized sample business (unless the",
                "landing zone already has one), run the whole pipeline and print the lake's status."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Option(names = "--customers", defaultValue = "5000", description = "Sample size (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--months", defaultValue = "24", description = "Months of history (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--dirty", defaultValue = "0.005", description = "Share of bad rows to show the quarantine (default: ${DEFAULT-VALUE}).")
    double dirty;

    @Override
    public Integer call() {
        long start = System.currentTimeMillis();
        Path landing = Path.of(lake.config().paths().landing());
        if (Files.isDirectory(landing.resolve("customers"))) {
            Console.line("== generate: " + landing + " already holds a sample; keeping it (delete it to start over)");
        } else {
            GenerateCommand.run(GeneratorSpec.of(customers, months, 42).withDirtyRate(dirty), landing);
        }
        LakeTables tables = lake.tables();
        RunCommand.run(lake, mart, tables);
        Console.line("demo done in " + Console.seconds(System.currentTimeMillis() - start)
                + "; lake at " + tables.paths().root());
        return 0;
    }
}
