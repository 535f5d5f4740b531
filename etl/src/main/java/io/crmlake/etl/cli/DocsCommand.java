package io.crmlake.etl.cli;

import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.DataDictionary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Regenerate docs/data-dictionary.md from the table catalog.")
final class DocsCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: docs/data-dictionary.md).")
    Path out = Path.of("docs", "data-dictionary.md");

    @Override
    public Integer call() throws Exception {
        Files.writeString(out, DataDictionary.markdown(Catalog.get()));
        Console.line("wrote " + out + " (" + Catalog.get().tables().size() + " tables)");
        return 0;
    }
}
