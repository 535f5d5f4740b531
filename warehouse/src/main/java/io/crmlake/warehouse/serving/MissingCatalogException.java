package io.crmlake.warehouse.serving;

import java.nio.file.Path;

/** No serving catalog has been published yet: the service reports DOWN and says what to run. */
public final class MissingCatalogException extends RuntimeException {

    private final Path file;

    public MissingCatalogException(Path file) {
        super("no catalog at " + file + "; run `crmlake run` first");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
