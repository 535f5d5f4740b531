package io.crmlake.etl.marts.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.support.SharedSpark;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.DeltaDdl;
import io.crmlake.warehouse.catalog.Table;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake whose mart_clv_model_run predates the sBG beta column gains beta and beta_se in place; the
 * old sBG rows keep their beta in b (beta null), so old readers and new ones both find it.
 */
class ModelRunUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void anOldModelRunTableGainsBetaAndKeepsItsRows() {
        LakeTables tables = SharedSpark.lake(dir.resolve("lake"));
        Table current = tables.table(CustomerValueJob.MODEL_RUN);
        List<Column> older = current.columns().stream()
                .filter(c -> !c.name().equals("beta") && !c.name().equals("beta_se")).toList();
        assertThat(older).hasSize(current.columns().size() - 2);
        Table before = new Table(current.name(), current.layer(), current.comment(), older, current.key(),
                current.partitionBy());
        String target = DeltaDdl.pathTarget(tables.location(CustomerValueJob.MODEL_RUN));
        tables.spark().sql(DeltaDdl.createTable(before, target));
        tables.spark().sql("INSERT INTO " + target + " (run_id, as_of_date, model, fit_window, cohort, time_unit, status, "
                + "customers, data_version, seconds, alpha, b) VALUES ('clv-2024-06-30', DATE'2024-06-30', 'sbg', 'full', "
                + "'ALL', 'months', 'ok', 1000, 'fact_account_period@3', 0.1, 0.704, 1.182)");

        LakeTables reopened = SharedSpark.lake(dir.resolve("lake"));
        Row old = reopened.read(CustomerValueJob.MODEL_RUN).first();
        assertThat(old.schema().fieldNames()).contains("beta", "beta_se");
        assertThat((double) old.getAs("b")).isEqualTo(1.182);
        assertThat((Object) old.getAs("beta")).isNull();
        assertThat(old.schema().apply("beta").getComment().get()).startsWith("sBG beta");
    }
}
