package io.crmlake.api.reports;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Admission in front of the renderer. The renderer's own fair semaphore lets
 * {@code maxConcurrent} fills run and makes every other caller wait, however many there are;
 * this gate admits at most {@code maxConcurrent + queueCapacity} requests at once, so a flood
 * gets an immediate "busy, retry after …" instead of piling up waiting threads and heap.
 */
public final class RenderGate {

    private final Semaphore admitted;
    private final int capacity;
    private final Duration retryAfter;

    public RenderGate(int maxConcurrent, int queueCapacity, Duration retryAfter) {
        this.capacity = maxConcurrent + queueCapacity;
        this.admitted = new Semaphore(capacity);
        this.retryAfter = retryAfter;
    }

    /** A ticket to render, or {@link RenderQueueFullException} when running plus waiting is at capacity. */
    public Ticket enter() {
        if (!admitted.tryAcquire()) {
            throw new RenderQueueFullException(capacity, retryAfter);
        }
        return new Ticket();
    }

    public int capacity() {
        return capacity;
    }

    public int inUse() {
        return capacity - admitted.availablePermits();
    }

    /** Closing it lets the next request in; close it exactly once (try-with-resources). */
    public final class Ticket implements AutoCloseable {
        private boolean closed;

        private Ticket() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                admitted.release();
            }
        }
    }
}
