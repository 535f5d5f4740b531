package io.crmlake.api.reports;

import java.time.Duration;

/** Every render slot and every waiting place is taken: answered 503 with Retry-After. */
public class RenderQueueFullException extends RuntimeException {

    private final Duration retryAfter;

    public RenderQueueFullException(int capacity, Duration retryAfter) {
        super("the report service is busy (" + capacity + " renders running or waiting); try again in "
                + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
