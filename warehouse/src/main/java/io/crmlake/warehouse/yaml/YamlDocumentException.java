package io.crmlake.warehouse.yaml;

/** A configuration or contract document that cannot be used; the message names file, line and field. */
public class YamlDocumentException extends RuntimeException {
    public YamlDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
