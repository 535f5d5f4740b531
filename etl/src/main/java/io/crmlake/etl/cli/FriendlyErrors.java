package io.crmlake.etl.cli;

import io.crmlake.etl.ingest.ContractBreach;
import io.crmlake.warehouse.serving.ServingCatalogException;
import io.crmlake.warehouse.yaml.YamlDocumentException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one sentence for the user (what is wrong and what to do), never a Spark
 * stack trace. CRMLAKE_DEBUG=1 prints the stack trace as well.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {

    static final int USER_ERROR = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if ("1".equals(System.getenv("CRMLAKE_DEBUG"))) {
            e.printStackTrace();
        }
        Throwable root = rootCause(e);
        String message;
        int code = USER_ERROR;
        if (root instanceof ContractBreach || root instanceof YamlDocumentException
                || root instanceof IllegalArgumentException || root instanceof NoSuchElementException
                || root instanceof ServingCatalogException) {
            message = root.getMessage();
        } else if (root instanceof java.io.FileNotFoundException || root instanceof java.nio.file.NoSuchFileException) {
            message = "file not found: " + root.getMessage() + "; check --lake/--landing/--config";
        } else if (root instanceof UncheckedIOException || root instanceof java.io.IOException) {
            message = "cannot read or write: " + root.getMessage() + "; check the path and its permissions";
        } else if (root.getClass().getName().equals("org.apache.spark.sql.AnalysisException")) {
            message = "the lake does not look as expected: " + root.getMessage().lines().findFirst().orElse("")
                    + "; run `crmlake status` to see what exists, or `crmlake run` to build it";
        } else {
            code = FAILURE;
            message = "unexpected error " + root.getClass().getSimpleName() + ": " + root.getMessage()
                    + " (run again with CRMLAKE_DEBUG=1 for the stack trace, and report it)";
        }
        cli.getErr().println("crmlake " + cli.getCommandName() + ": " + message);
        return code;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && !(t instanceof ContractBreach) && !(t instanceof YamlDocumentException)) {
            t = t.getCause();
        }
        return t;
    }
}
