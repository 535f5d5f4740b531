package io.crmlake.etl.marts.warnings;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.warning.SuggestedChannel;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.star.Keys;
import io.crmlake.warehouse.rules.WarningRules;
import io.crmlake.warehouse.rules.WarningRules.Kind;
import io.crmlake.warehouse.rules.WarningRules.Trigger;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * mart_warning as of a date: raise every trigger of warnings.yml over the lake's history up to
 * the as-of date, give each warning its owner, due date and suggested channel, and decide it
 * against the customer's contacts. The as-of date's rows are replaced atomically.
 */
public final class WarningsJob {

    public static final String MART = "mart_warning";

    private final MartRun run;
    private final LakeTables tables;

    public WarningsJob(MartRun run) {
        this.run = run;
        this.tables = run.tables();
    }

    /** @return rows written */
    public long run() {
        LocalDate asOf = run.asOf();
        LocalDate from = firstDayOfData();
        WarningRules rules = run.rules().warnings();
        run.progress().accept("warnings: " + rules.triggers().size() + " triggers from " + from + " to " + asOf);

        RaisedWarnings raise = new RaisedWarnings(tables, from, asOf);
        Dataset<Row> raised = null;
        for (Trigger trigger : rules.triggers()) {
            Dataset<Row> one = raise.raise(trigger);
            raised = raised == null ? one : raised.unionByName(one);
        }
        Dataset<Row> warnings = raised
                .join(broadcast(triggerTerms(rules)), "warning_type")
                .withColumn("due_date", date_add(col("triggered_on"), col("due_in_days")))
                .withColumn("window_end", date_add(col("triggered_on"), col("completion_window_days")))
                .withColumn("warning_id", concat_ws("/", col("warning_type"), col("subject_id"),
                        date_format(col("triggered_on"), "yyyy-MM-dd")))
                .transform(this::withOwner)
                .cache();

        int fromKey = dateKey(from);
        int asOfKey = dateKey(asOf);
        Dataset<Row> contacts = tables.read("fact_touchpoint")
                .where(col("date_key").between(fromKey, asOfKey))
                .join(warnings.select("customer_id").distinct(), "customer_id")
                .select("customer_id", "touchpoint_id", "ts", "date_key", "channel", "outcome", "consent_ok", "is_control");
        Dataset<Row> resolved = Completion.resolve(
                warnings.select("customer_id", "warning_id", "triggered_on", "window_end", "qualifying_outcomes"),
                contacts, asOf);
        Dataset<Row> completing = tables.read("fact_touchpoint")
                .where(col("date_key").between(fromKey, asOfKey))
                .select(col("touchpoint_id").as("completed_by_touchpoint_id"), col("ts").as("completed_at"),
                        col("channel").as("completed_channel"));
        Dataset<Row> mart = warnings
                .join(resolved, "warning_id")
                .join(completing, new String[] {"completed_by_touchpoint_id"}, "left")
                .withColumn("completed_on_time", col("status").equalTo("completed")
                        .and(col("completed_at").lt(to_timestamp(date_add(col("due_date"), 1)))))
                .withColumn("as_of_date", lit(Date.valueOf(asOf)))
                .withColumn("rules_version", lit(rules.version()));
        tables.replaceWhere(MART, mart, "as_of_date = DATE'" + asOf + "'");
        warnings.unpersist();

        List<Row> counts = tables.read(MART).where(col("as_of_date").equalTo(Date.valueOf(asOf)))
                .groupBy("warning_type", "status").count().orderBy("warning_type", "status").collectAsList();
        long total = 0;
        StringBuilder summary = new StringBuilder();
        for (Row r : counts) {
            total += r.getLong(2);
            summary.append(summary.isEmpty() ? "" : ", ").append(r.getString(0)).append(' ').append(r.getString(1))
                    .append(' ').append(r.getLong(2));
        }
        run.progress().accept("warnings: " + total + " as of " + asOf + (summary.isEmpty() ? "" : " (" + summary + ")"));
        return total;
    }

    /** Owner = the account manager of the customer version valid that day, else its org unit. */
    private Dataset<Row> withOwner(Dataset<Row> warnings) {
        var channel = udf((UDF4<String, Boolean, Boolean, Boolean, String>) (kind, phone, sms, email) ->
                SuggestedChannel.suggest(Kind.valueOf(kind.toUpperCase(Locale.ROOT)), phone, sms, email), DataTypes.StringType);
        return Keys.customerAsOf(warnings.withColumn("_raised_at", to_timestamp(col("triggered_on"))),
                        tables.read("dim_customer"), "_raised_at",
                        "owner_staff_id", "org_unit_id", "consent_phone", "consent_sms", "consent_email")
                .withColumn("owner_staff_id", col("v_owner_staff_id"))
                .withColumn("org_unit_id", col("v_org_unit_id"))
                .withColumn("owner_type", when(col("owner_staff_id").isNotNull(), lit("staff")).otherwise(lit("org_unit")))
                .withColumn("suggested_channel", channel.apply(col("trigger_kind"),
                        col("v_consent_phone"), col("v_consent_sms"), col("v_consent_email")));
    }

    private Dataset<Row> triggerTerms(WarningRules rules) {
        StructType schema = new StructType()
                .add("warning_type", DataTypes.StringType)
                .add("due_in_days", DataTypes.IntegerType)
                .add("completion_window_days", DataTypes.IntegerType)
                .add("qualifying_outcomes", DataTypes.createArrayType(DataTypes.StringType));
        List<Row> rows = new ArrayList<>();
        for (Trigger t : rules.triggers()) {
            rows.add(RowFactory.create(t.id(), t.dueInDays(), t.completionWindowDays(),
                    t.qualifyingOutcomes().stream().map(o -> o.name().toLowerCase(Locale.ROOT)).toArray(String[]::new)));
        }
        return tables.spark().createDataFrame(rows, schema);
    }

    /** Warnings start with the lake's data: before its first month there is nothing to judge by. */
    private LocalDate firstDayOfData() {
        Row first = tables.read("fact_customer_month").agg(min("month_key")).first();
        if (first.isNullAt(0)) {
            throw new IllegalStateException("fact_customer_month is empty; run `crmlake build` before `crmlake marts warnings`");
        }
        int key = first.getInt(0);
        return YearMonth.of(key / 100, key % 100).atDay(1);
    }

    private static int dateKey(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }
}
