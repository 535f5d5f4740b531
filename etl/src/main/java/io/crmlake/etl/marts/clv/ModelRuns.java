package io.crmlake.etl.marts.clv;

import io.crmlake.etl.model.bgnbd.BgNbdModel;
import io.crmlake.etl.model.fit.FitResult;
import io.crmlake.etl.model.gammagamma.GammaGammaModel;
import io.crmlake.etl.model.sbg.ShiftedBetaGeometricModel;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Rows of mart_clv_model_run, built by column name and laid out in the catalog's column order. */
final class ModelRuns {

    private final Table table;
    private final ClvSettings settings;
    private final String dataVersion;

    ModelRuns(Table table, ClvSettings settings, String dataVersion) {
        this.table = table;
        this.settings = settings;
        this.dataVersion = dataVersion;
    }

    StructType schema() {
        return SparkTypes.struct(table.columns());
    }

    Row bgNbd(String window, BuyerModels.Timed<BgNbdModel> timed, HoldoutEvaluation.Result holdout) {
        Map<String, Object> row = base("bg_nbd", window, RetentionCohorts.POOLED, settings.timeUnitName(),
                timed.status());
        row.put("detail", timed.detail());
        fitted(row, timed.fit(), timed.seconds(), List.of("r", "alpha", "a", "b"));
        row.put("distinct_tuples", timed.distinctRows());
        if (holdout != null) {
            row.put("holdout_weeks", holdout.weeks());
            row.put("holdout_mae", holdout.mae());
            row.put("holdout_rmse", holdout.rmse());
            row.put("holdout_predicted", holdout.predictedTotal());
            row.put("holdout_actual", holdout.actualTotal());
        }
        return build(row);
    }

    Row gammaGamma(BuyerModels.Timed<GammaGammaModel> timed, String currency) {
        Map<String, Object> row = base("gamma_gamma", "full", RetentionCohorts.POOLED, currency, "ok");
        fitted(row, timed.fit(), timed.seconds(), List.of("p", "q", "gamma"));
        row.put("distinct_tuples", timed.distinctRows());
        row.put("frequency_spend_correlation", timed.frequencySpendCorrelation());
        return build(row);
    }

    Row sbg(RetentionCohorts.Cohort cohort) {
        Map<String, Object> row = base("sbg", "full", cohort.id(), "months", cohort.status());
        row.put("detail", cohort.detail());
        FitResult<ShiftedBetaGeometricModel> fit = cohort.fit();
        if (fit != null) {
            fitted(row, fit, cohort.seconds(), List.of("alpha", "beta"));
            // Readers written before the beta column found the sBG beta in b: it stays there too.
            row.put("b", fit.estimate("beta"));
            row.put("b_se", fit.standardError("beta"));
        }
        row.put("customers", cohort.accounts());
        return build(row);
    }

    private Map<String, Object> base(String model, String window, String cohort, String unit, String status) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_id", settings.runId());
        row.put("as_of_date", java.sql.Date.valueOf(settings.asOf()));
        row.put("model", model);
        row.put("fit_window", window);
        row.put("cohort", cohort);
        row.put("time_unit", unit);
        row.put("status", status);
        row.put("customers", 0L);
        row.put("data_version", dataVersion);
        row.put("seconds", 0.0);
        return row;
    }

    private static void fitted(Map<String, Object> row, FitResult<?> fit, double seconds, List<String> names) {
        for (String name : names) {
            row.put(name, fit.estimate(name));
            row.put(name + "_se", fit.standardError(name));
        }
        if (!names.isEmpty()) {
            row.put("parameters", parameters(fit, names));
        }
        row.put("log_likelihood", fit.logLikelihood());
        row.put("iterations", fit.convergence().iterations());
        row.put("gradient_norm", fit.convergence().gradientNorm());
        row.put("customers", Math.round(fit.observations()));
        row.put("seconds", seconds);
    }

    static String parameters(FitResult<?> fit, List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String name : names) {
            s.append(s.isEmpty() ? "" : " ").append(name).append('=').append(String.format(Locale.ROOT, "%.6g", fit.estimate(name)));
        }
        return s.toString();
    }

    private Row build(Map<String, Object> values) {
        for (String name : values.keySet()) {
            if (table.columns().stream().noneMatch(c -> c.name().equals(name))) {
                throw new IllegalStateException("mart_clv_model_run has no column " + name);
            }
        }
        return RowFactory.create(table.columns().stream().map(Column::name).map(values::get).toArray());
    }
}
