package io.crmlake.etl.cli;

import io.crmlake.etl.marts.MartRun;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Mixin;

/** A {@code crmlake marts <name>} sub-command: the lake and mart options, then one mart job. */
abstract class MartCommand implements Callable<Integer> {

    @Mixin
    LakeOptions lake;

    @Mixin
    MartOptions mart;

    @Override
    public final Integer call() {
        compute(mart.run(lake, lake.tables()));
        return 0;
    }

    /** Runs the mart job as of the run's date. */
    abstract void compute(MartRun run);

    /** Runs a job and prints "{@code what}: N {@code unit} in 12.3 s". */
    static void timed(String what, String unit, LongSupplier job) {
        long start = System.currentTimeMillis();
        long count = job.getAsLong();
        Console.line(what + ": " + count + " " + unit + " in " + Console.seconds(System.currentTimeMillis() - start));
    }

    /** Runs a job that writes several marts and prints "marts {@code what} done in 12.3 s". */
    static void timed(String what, Runnable job) {
        long start = System.currentTimeMillis();
        job.run();
        Console.line("marts " + what + " done in " + Console.seconds(System.currentTimeMillis() - start));
    }
}
