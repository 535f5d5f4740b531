package io.crmlake.api.problems;

/** An unknown mart, customer or other resource: answered 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
