package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.clv.AnnualDiscountRate;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Spark may call one deserialised scorer from several task threads; each must see the models
 * fully built. Before the fix, a thread could find the BG/NBD model set but the CLV model not yet
 * (a NullPointerException in CustomerValueJobTest). Many fresh copies, eight threads released at
 * once on each, make that interleaving likely; every thread must get the same CLV.
 */
class BuyerScorerConcurrencyTest {

    @Test
    void aFreshCopyScoresTheSameFromEightThreadsAtOnce() throws Exception {
        // CDNOW parameters (Fader, Hardie and Lee 2005) and the note's Gamma-Gamma fit (Fader and Hardie 2013).
        BuyerScorer shipped = new BuyerScorer(new BgNbdModel(0.243, 4.414, 0.793, 2.426), ModelTimeUnit.WEEKS,
                new GammaGammaModel(6.25, 3.74, 15.44), new AnnualDiscountRate(0.10), 12);
        double expected = copyOf(shipped).score(2, 213, 272, 35.0, true).getDouble(4);
        assertThat(expected).isPositive();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                BuyerScorer scorer = copyOf(shipped);
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Row>> rows = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    rows.add(threads.submit(() -> {
                        start.await();
                        return scorer.score(2, 213, 272, 35.0, true);
                    }));
                }
                for (Future<Row> row : rows) {
                    assertThat(row.get().getDouble(4)).isEqualTo(expected);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** What an executor gets: a deserialised copy whose transient models are not built yet. */
    private static BuyerScorer copyOf(BuyerScorer scorer) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(scorer);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (BuyerScorer) in.readObject();
        }
    }
}
