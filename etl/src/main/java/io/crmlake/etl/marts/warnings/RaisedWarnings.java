package io.crmlake.etl.marts.warnings;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;

import io.crmlake.etl.model.warning.BalanceRunway;
import io.crmlake.etl.model.warning.ExpiryWarning;
import io.crmlake.etl.model.warning.OverdueWarning;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.rules.WarningRules.Trigger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The warnings each trigger raises between the first day of the lake's data and the as-of
 * date, one row per episode (a condition that persists is raised once, on its first day).
 * Columns: customer_id, warning_type, trigger_kind, subject_id, triggered_on, measure, detail,
 * detail_args.
 * The maths of each trigger is in model/warning; this class only reads the star schema.
 */
final class RaisedWarnings {

    private static final Column[] COLUMNS = java.util.Arrays.stream(new String[] {"customer_id", "warning_type", "trigger_kind", "subject_id", "triggered_on", "measure", "detail", "detail_args"})
            .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

    private final LakeTables tables;
    private final LocalDate from;
    private final LocalDate asOf;

    RaisedWarnings(LakeTables tables, LocalDate from, LocalDate asOf) {
        this.tables = tables;
        this.from = from;
        this.asOf = asOf;
    }

    Dataset<Row> raise(Trigger trigger) {
        Dataset<Row> raised = switch (trigger.kind()) {
            case BALANCE_DAYS_LEFT -> balanceRunningOut(trigger);
            case CONTRACT_DAYS_LEFT -> contractExpiring(trigger);
            case RECENCY_CYCLES -> purchaseOverdue(trigger);
            case BIRTHDAY_NEXT_MONTH -> birthdayNextMonth();
        };
        return raised
                .withColumn("warning_type", lit(trigger.id()))
                .withColumn("trigger_kind", lit(trigger.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .where(col("triggered_on").between(Date.valueOf(from), Date.valueOf(asOf)))
                .select(COLUMNS);
    }

    /**
     * Prepaid balance at each month end against that month's bill. Consecutive month ends that
     * fire for the same account are one episode: only a firing whose previous month did not fire
     * (or was not observed) raises a warning.
     */
    private Dataset<Row> balanceRunningOut(Trigger trigger) {
        UserDefinedFunction daysLeft = udf((UDF3<BigDecimal, BigDecimal, Integer, BigDecimal>) (balance, bill, days) ->
                BalanceRunway.daysLeft(balance, bill, days).map(d -> d.setScale(4, RoundingMode.HALF_EVEN)).orElse(null),
                DataTypes.createDecimalType(18, 4));
        RangeSpec when = RangeSpec.of(trigger.when());
        UserDefinedFunction fires = udf((UDF1<BigDecimal, Boolean>) d -> d != null && when.range().contains(d), DataTypes.BooleanType);
        var byAccount = Window.partitionBy("account_id").orderBy("month_key");
        return tables.read("fact_account_period")
                .where(col("billing").equalTo("prepaid").and(col("balance").isNotNull()).and(col("is_active")))
                .withColumn("observed_on", last_day(to_date(concat(col("month_key").cast("string"), lit("01")), "yyyyMMdd")))
                .where(col("observed_on").leq(Date.valueOf(asOf)))
                .withColumn("measure", daysLeft.apply(col("balance"), col("revenue"), dayofmonth(col("observed_on"))))
                .withColumn("fires", fires.apply(col("measure")))
                .withColumn("previous_fired", coalesce(lag("fires", 1).over(byAccount)
                        .and(lag("month_key", 1).over(byAccount).equalTo(previousMonth(col("month_key")))), lit(false)))
                .where(col("fires").and(not(col("previous_fired"))))
                .withColumn("subject_id", col("account_id"))
                .withColumn("triggered_on", col("observed_on"))
                .transform(d -> withDetail(d, "balance %s lasts %s days at %s a day", format_number(col("balance"), 2),
                        format_number(col("measure"), 1), format_number(col("revenue").divide(dayofmonth(col("observed_on"))), 2)));
    }

    /** Each account's latest known contract end: raised on the first day its days left are in range. */
    private Dataset<Row> contractExpiring(Trigger trigger) {
        RangeSpec when = RangeSpec.of(trigger.when());
        UserDefinedFunction raisedOn = udf((UDF2<Date, Date, Date>) (end, open) -> ExpiryWarning
                .raisedOn(when.range(), end == null ? null : end.toLocalDate(), open == null ? null : open.toLocalDate())
                .map(Date::valueOf).orElse(null), DataTypes.DateType);
        int asOfMonth = asOf.getYear() * 100 + asOf.getMonthValue();
        return tables.read("fact_account_period")
                .where(col("month_key").leq(asOfMonth).and(col("contract_end_date").isNotNull()))
                .withColumn("_latest", row_number().over(Window.partitionBy("account_id").orderBy(col("month_key").desc())))
                .where(col("_latest").equalTo(1))
                .withColumn("triggered_on", raisedOn.apply(col("contract_end_date"), col("open_date")))
                .where(col("triggered_on").isNotNull()
                        .and(col("close_date").isNull().or(col("close_date").gt(col("triggered_on")))))
                .withColumn("subject_id", col("account_id"))
                .withColumn("measure", datediff(col("contract_end_date"), col("triggered_on")).cast("decimal(18,4)"))
                .transform(d -> withDetail(d, "contract ends %s (%s days left)",
                        date_format(col("contract_end_date"), "yyyy-MM-dd"), col("measure").cast("int").cast("string")));
    }

    /**
     * For each purchase day from the second on, the cycle so far and the day the customer becomes
     * overdue; raised only if the next purchase had not come by then.
     */
    private Dataset<Row> purchaseOverdue(Trigger trigger) {
        RangeSpec when = RangeSpec.of(trigger.when());
        UserDefinedFunction overdueDay = udf((UDF2<Integer, Integer, Integer>) (span, gaps) -> {
            var day = OverdueWarning.firstOverdueDay(when.range(), span, gaps);
            return day.isPresent() ? (int) day.getAsLong() : null;
        }, DataTypes.IntegerType);
        int asOfKey = asOf.getYear() * 10_000 + asOf.getMonthValue() * 100 + asOf.getDayOfMonth();
        var byCustomer = Window.partitionBy("customer_id").orderBy("purchase_day");
        return tables.read("fact_transaction")
                .where(col("is_purchase").and(col("date_key").leq(asOfKey)))
                .select(col("customer_id"), to_date(col("date_key").cast("string"), "yyyyMMdd").as("purchase_day"))
                .distinct()
                .withColumn("gaps", row_number().over(byCustomer).minus(1).cast("int"))
                .withColumn("span", datediff(col("purchase_day"), first("purchase_day").over(byCustomer)))
                .withColumn("next_purchase", lead("purchase_day", 1).over(byCustomer))
                .withColumn("overdue_day", overdueDay.apply(col("span"), col("gaps")))
                .where(col("overdue_day").isNotNull())
                .withColumn("triggered_on", date_add(col("purchase_day"), col("overdue_day")))
                .where(col("next_purchase").isNull().or(col("next_purchase").gt(col("triggered_on"))))
                .withColumn("subject_id", col("customer_id"))
                .withColumn("measure", col("overdue_day").multiply(col("gaps")).divide(col("span")).cast("decimal(18,4)"))
                .transform(d -> withDetail(d, "no purchase since %s (%s days; own cycle %s days)",
                        date_format(col("purchase_day"), "yyyy-MM-dd"), col("overdue_day").cast("string"),
                        format_number(col("span").divide(col("gaps")), 1)));
    }

    /** Raised on the first day of the month before the birthday month, for customers known by then. */
    private Dataset<Row> birthdayNextMonth() {
        Dataset<Row> months = tables.spark().sql("SELECT explode(sequence(DATE'" + from.withDayOfMonth(1) + "', DATE'"
                + asOf.withDayOfMonth(1) + "', interval 1 month)) AS triggered_on");
        Dataset<Row> known = tables.read("fact_customer_month").select("customer_id", "month_key");
        return tables.read("dim_customer").where(col("is_current").and(col("birth_date").isNotNull()))
                .select("customer_id", "birth_date")
                .crossJoin(months)
                .where(month(col("birth_date")).equalTo(month(add_months(col("triggered_on"), 1))))
                .withColumn("month_key", expr("year(triggered_on) * 100 + month(triggered_on)"))
                .join(known, new String[] {"customer_id", "month_key"})
                .withColumn("subject_id", col("customer_id"))
                .withColumn("measure", lit(null).cast("decimal(18,4)"))
                .transform(d -> withDetail(d, "birthday on %s", date_format(col("birth_date"), "MM-dd")));
    }

    /**
     * detail, the sentence in English, and detail_args, the same values as a JSON array of strings:
     * a report in another language says the sentence with its own pattern over detail_args (labels
     * warning.detail.TRIGGER_KIND), so the mart stays in one language and the reports in theirs.
     */
    static Dataset<Row> withDetail(Dataset<Row> frame, String english, Column... values) {
        return frame.withColumn("detail", format_string(english, values))
                .withColumn("detail_args", to_json(array(values)));
    }

    /** yyyymm of the month before, as a column. */
    static Column previousMonth(Column monthKey) {
        return org.apache.spark.sql.functions.when(monthKey.mod(100).equalTo(1), monthKey.minus(89)).otherwise(monthKey.minus(1));
    }
}
