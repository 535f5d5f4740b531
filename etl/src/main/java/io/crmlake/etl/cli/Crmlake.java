package io.crmlake.etl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one CLI: {@code ./crmlake <command>} locally, or
 * {@code spark-submit --class io.crmlake.etl.cli.Crmlake crmlake-etl.jar <command>} on a cluster.
 */
@Command(name = "crmlake", mixinStandardHelpOptions = true, version = "crmlake 0.1.0",
        description = "Customer-analytics lakehouse: landing files to a Delta star schema and marts.",
        subcommands = {GenerateCommand.class, IngestCommand.class, BuildCommand.class, RunCommand.class, MartsCommand.class, PublishCommand.class, SqlServerCommand.class,
                DemoCommand.class, StatusCommand.class, DocsCommand.class, CommandLine.HelpCommand.class})
public final class Crmlake {

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Crmlake());
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        cli.setOut(new java.io.PrintWriter(Console.OUT, true));
        return cli;
    }
}
