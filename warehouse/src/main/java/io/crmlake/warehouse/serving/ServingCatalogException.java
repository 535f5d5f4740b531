package io.crmlake.warehouse.serving;

/**
 * The serving catalog cannot be written or read; the message is one sentence naming the file or
 * table and what to do. The DuckDB error, when there is one, is attached as suppressed so that
 * the message stays the sentence the user sees.
 */
public class ServingCatalogException extends RuntimeException {

    public ServingCatalogException(String message) {
        super(message);
    }

    static ServingCatalogException of(String message, Exception detail) {
        ServingCatalogException e = new ServingCatalogException(message);
        e.addSuppressed(detail);
        return e;
    }
}
