package io.crmlake.etl.cli;

import io.crmlake.etl.ingest.BatchResult;
import io.crmlake.etl.ingest.IngestJob;
import io.crmlake.etl.ingest.LandingZone;
import io.crmlake.etl.spark.LakeTables;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Validate complete landing batches against the contract: good rows to bronze with lineage,",
                "bad rows to ops_quarantine with a reason; prints the reconciliation per batch.",
                "A loaded batch is skipped unless --force; a loaded batch whose files changed is refused."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Option(names = "--batch", paramLabel = "ID", description = "Only this batch (e.g. 2024-03); default: every complete batch.")
    String batch;

    @Option(names = "--force", description = "Reload batches that are already loaded (replaces their rows).")
    boolean force;

    @Override
    public Integer call() {
        run(lake.tables(), lake.config().paths().landing(), Optional.ofNullable(batch), force);
        return 0;
    }

    static List<BatchResult> run(LakeTables tables, String landingRoot, Optional<String> batch, boolean force) {
        long start = System.currentTimeMillis();
        Console.heading("ingest " + landingRoot);
        LandingZone landing = new LandingZone(landingRoot, tables.spark().sparkContext().hadoopConfiguration());
        List<BatchResult> results = new IngestJob(tables, landing, Console::line).run(batch, force);
        long read = results.stream().mapToLong(BatchResult::rowsRead).sum();
        long loaded = results.stream().mapToLong(BatchResult::rowsLoaded).sum();
        long quarantined = results.stream().mapToLong(BatchResult::rowsQuarantined).sum();
        long skipped = results.stream().filter(BatchResult::skipped).count();
        Console.line(String.format("ingest done: %d entity batches (%d skipped), rows in %,d = loaded %,d + quarantined %,d, %s",
                results.size(), skipped, read, loaded, quarantined, Console.seconds(System.currentTimeMillis() - start)));
        return results;
    }
}
