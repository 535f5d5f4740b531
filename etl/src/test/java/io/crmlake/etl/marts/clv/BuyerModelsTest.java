package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.clv.ModelTimeUnit;
import io.crmlake.etl.model.fit.ModelFitException;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import io.crmlake.etl.model.simulate.BgNbdSimulation;
import io.crmlake.etl.support.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD fallback decision (clv.yml bgnbd.dropout_prior): off, a fit that does not converge fails
 * with the reason and what to do; on, the run continues with the posterior mode and says so.
 */
class BuyerModelsTest {

    private static final StructType SUMMARY = DataTypes.createStructType(List.of(
            DataTypes.createStructField("x", DataTypes.IntegerType, true),
            DataTypes.createStructField("t_x_days", DataTypes.IntegerType, true),
            DataTypes.createStructField("t_days", DataTypes.IntegerType, true)));

    /**
     * 400 customers with (almost) one dropout probability, 0.25 (a = 2500, b = 7500), 10 to 52 weeks
     * old: the likelihood keeps rising as a, b grow together, and plain maximum likelihood ends with
     * a and b in the hundreds of thousands and a singular information matrix (seed 6 of the mart's
     * whole-day simulation).
     */
    private static Dataset<Row> homogeneousDropout() {
        BgNbdSimulation.Customers sim = BgNbdSimulation.customers(new BgNbdModel(0.3, 6.0, 2500, 7500),
                new GammaGammaModel(6.25, 3.74, 15.44), 400, 10, 52, 6L);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sim.size(); i++) {
            rows.add(RowFactory.create(sim.x()[i], sim.recencyDays()[i], sim.ageDays()[i]));
        }
        return SharedSpark.session().createDataFrame(rows, SUMMARY);
    }

    @Test
    void byDefaultAFitThatDoesNotConvergeFailsWithTheReasonAndWhatToDo() {
        assertThatThrownBy(() -> BuyerModels.fitTransactions(homogeneousDropout(), ModelTimeUnit.WEEKS, false))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("BG/NBD maximum likelihood failed on 400 customers")
                .hasMessageContaining("not identified")
                .hasMessageContaining("load more history")
                .hasMessageContaining("bgnbd.dropout_prior: true in clv.yml");
    }

    @Test
    void withTheDropoutPriorAllowedTheRunGoesOnAndSaysSo() {
        BuyerModels.Timed<BgNbdModel> fit = BuyerModels.fitTransactions(homogeneousDropout(), ModelTimeUnit.WEEKS, true);
        assertThat(fit.status()).isEqualTo(BuyerModels.DROPOUT_PRIOR);
        assertThat(fit.detail()).startsWith("maximum likelihood failed (").contains("not identified")
                .endsWith("posterior mode with ln a, ln b ~ N(0, 1)");
        BgNbdModel m = fit.fit().model();
        assertThat(m.a()).isLessThan(100);
        assertThat(m.b()).isLessThan(100);
        // The mean dropout probability stays near the simulated 0.25.
        assertThat(m.a() / (m.a() + m.b())).isBetween(0.15, 0.4);
        assertThat(fit.fit().convergence().converged()).isTrue();
        assertThat(fit.fit().observations()).isEqualTo(400.0);
    }
}
