package io.crmlake.etl.model.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ChunkedSumTest {

    /** Terms of very different magnitudes, so that the order of addition shows in the last bits. */
    private static final int ROWS = 5 * ChunkedSum.CHUNK_ROWS + 17;

    private static double term(int i) {
        return Math.sin(i) * Math.pow(10, i % 17 - 8);
    }

    private static final ChunkedSum.Rows TERMS = (from, to, gradient) -> {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += term(i);
            if (gradient != null) {
                gradient[0] += 1;
                gradient[1] += term(i) * term(i);
            }
        }
        return s;
    };

    @Test
    void addsTheChunksInChunkOrderWhateverTheThreads() throws Exception {
        // Reference: each chunk summed alone, the chunk sums added left to right.
        double expected = 0;
        for (int from = 0; from < ROWS; from += ChunkedSum.CHUNK_ROWS) {
            double chunk = 0;
            for (int i = from; i < Math.min(ROWS, from + ChunkedSum.CHUNK_ROWS); i++) {
                chunk += term(i);
            }
            expected += chunk;
        }
        double plain = 0;
        for (int i = 0; i < ROWS; i++) {
            plain += term(i);
        }
        assertThat(plain).as("the fixture is sensitive to the order of addition").isNotEqualTo(expected);

        for (int threads : new int[] {1, 2, 7}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                double[] gradient = {10, 0};
                double sum = pool.submit(() -> ChunkedSum.sum(ROWS, gradient, TERMS)).get();
                assertThat(Double.doubleToRawLongBits(sum)).as("%d threads", threads)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                assertThat(gradient[0]).as("gradient is added to, not replaced").isEqualTo(10.0 + ROWS);
                assertThat(gradient[1]).isPositive();
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void smallDataIsOneChunkAndValueOnlyNeedsNoGradient() {
        assertThat(ChunkedSum.sum(3, null, TERMS)).isEqualTo(term(0) + term(1) + term(2));
        assertThat(ChunkedSum.sum(0, null, TERMS)).isZero();
        assertThat(ChunkedSum.sum(ROWS, null, TERMS)).isFinite();
    }
}
