package io.crmlake.api.catalog;

/** No published catalog can be read yet: the service runs, and answers 503 with this message. */
public class NoCatalogException extends RuntimeException {
    public NoCatalogException(String message) {
        super(message);
    }
}
