package io.crmlake.etl.model.fit;

import java.util.stream.IntStream;

/**
 * Sums a log-likelihood and its gradient over the rows of compressed data, in parallel and yet
 * reproducibly: the rows are cut into chunks of a fixed size ({@value #CHUNK_ROWS} rows, whatever
 * the number of cores), each chunk is summed on its own, and the chunk sums are then added in chunk
 * order. Floating-point addition is not associative, so a sum split by the number of threads would
 * give different last bits on a laptop and on a server; this one gives the same bits everywhere.
 */
public final class ChunkedSum {

    /** Rows per chunk: large enough to amortise the task, small enough to balance two to 64 cores. */
    public static final int CHUNK_ROWS = 8192;

    /** The terms of rows [from, to): returns their log-likelihood and adds their gradient to {@code gradient}. */
    @FunctionalInterface
    public interface Rows {
        double sum(int from, int to, double[] gradient);
    }

    private ChunkedSum() {
    }

    /**
     * Sum over rows [0, {@code rows}) of {@code terms}; when {@code gradient} is not null the chunks'
     * gradients are added to it (it is not cleared first).
     */
    public static double sum(int rows, double[] gradient, Rows terms) {
        final int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (chunks <= 1) {
            return terms.sum(0, rows, gradient);
        }
        final double[] values = new double[chunks];
        final double[][] gradients = gradient == null ? null : new double[chunks][gradient.length];
        IntStream.range(0, chunks).parallel().forEach(c -> values[c] = terms.sum(c * CHUNK_ROWS,
                Math.min(rows, (c + 1) * CHUNK_ROWS), gradients == null ? null : gradients[c]));
        double total = 0;
        for (int c = 0; c < chunks; c++) {
            total += values[c];
            if (gradient != null) {
                for (int k = 0; k < gradient.length; k++) {
                    gradient[k] += gradients[c][k];
                }
            }
        }
        return total;
    }
}
