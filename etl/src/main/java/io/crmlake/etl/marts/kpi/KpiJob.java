package io.crmlake.etl.marts.kpi;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.crmlake.etl.marts.MartRun;
import io.crmlake.etl.model.kpi.KpiEvaluation;
import io.crmlake.etl.model.kpi.Ratio;
import io.crmlake.etl.model.kpi.SnapshotRetention;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.warehouse.rules.Kpi;
import io.crmlake.warehouse.rules.KpiTarget;
import io.crmlake.warehouse.rules.KpiTarget.Period;
import io.crmlake.warehouse.rules.KpiTargets;
import io.crmlake.warehouse.rules.RuleSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;

/**
 * mart_kpi as of a date: every KPI of {@link KpiMeasure#plan} for every complete month up to
 * the as-of date and every org unit level, with the target in force and its verdict. Spark
 * sums the counts (one aggregation per period); the ratios and verdicts are exact BigDecimal
 * arithmetic on the driver ({@link KpiEvaluation}).
 */
public final class KpiJob {

    public static final String MART = "mart_kpi";

    private final MartRun run;
    private final LakeTables tables;
    private final KpiTargets targets;
    private final ScopeColumns scopes;

    public KpiJob(MartRun run) {
        this.run = run;
        this.tables = run.tables();
        RuleSet rules = run.rules();
        this.targets = rules.kpiTargets();
        this.scopes = new ScopeColumns(rules.segments());
    }

    /** @return rows written */
    public long run() {
        List<KpiMeasure> measures = KpiMeasure.plan(targets);
        measures.forEach(m -> ScopeColumns.check(m.scope(), run.rules().segments()));
        LocalDate asOf = run.asOf();
        YearMonth lastComplete = asOf.equals(YearMonth.from(asOf).atEndOfMonth()) ? YearMonth.from(asOf) : YearMonth.from(asOf).minusMonths(1);
        int lastMonth = Periods.key(lastComplete);
        Row first = tables.read("fact_customer_month").agg(min("month_key")).first();
        if (first.isNullAt(0)) {
            throw new IllegalStateException("fact_customer_month is empty; run `crmlake build` before `crmlake marts kpi`");
        }
        int firstMonth = first.getInt(0);
        if (!tables.exists("mart_warning")) {
            throw new IllegalStateException("mart_warning does not exist yet; run `crmlake marts warnings` first (warning completion reads it)");
        }
        run.progress().accept("kpi: " + measures.size() + " KPIs, months " + Periods.key(Periods.month(firstMonth).plusMonths(1))
                + " to " + lastMonth + ", targets v" + targets.version());

        Map<String, String> levels = new HashMap<>();
        tables.read("dim_org_unit").select("org_unit_id", "level").collectAsList()
                .forEach(r -> levels.put(r.getString(0), r.getString(1)));
        levels.put("ALL", "all");

        CustomerPanel panel = new CustomerPanel(tables, targets.activePurchaseWindowDays(), firstMonth, lastMonth);
        List<Period> periods = measures.stream().map(KpiMeasure::period).distinct().toList();
        Map<String, Row> cells = customerCounts(panel, periods, measures);
        Map<String, Row> warnings = warningCounts(panel, periods, measures, lastMonth, asOf);
        List<Row> out = new ArrayList<>();
        for (Row counts : cells.values()) {
            String period = counts.getString(0);
            int month = counts.getInt(1);
            String unit = counts.getString(2);
            Row warningRow = warnings.get(cellKey(period, month, unit));
            for (int i = 0; i < measures.size(); i++) {
                KpiMeasure m = measures.get(i);
                if (m.periodLabel().equals(period)) {
                    Row source = m.kpi() == Kpi.WARNING_COMPLETION ? warningRow : counts;
                    out.add(row(m, i, source, month, unit, levels.getOrDefault(unit, "unknown"), asOf));
                }
            }
        }
        panel.release();
        Dataset<Row> frame = tables.spark().createDataFrame(out, SparkTypes.struct(tables.table(MART).columns()));
        tables.replaceWhere(MART, frame, "as_of_date = DATE'" + asOf + "'");
        long met = out.stream().filter(r -> "met".equals(r.getAs(16))).count();
        long missed = out.stream().filter(r -> "missed".equals(r.getAs(16))).count();
        run.progress().accept("kpi: " + out.size() + " rows as of " + asOf + "; targets met " + met + ", missed " + missed);
        return out.size();
    }

    /** One aggregation over every period's panel: the sums of all customer KPIs per period, month and unit. */
    private Map<String, Row> customerCounts(CustomerPanel panel, List<Period> periods, List<KpiMeasure> measures) {
        List<Column> aggregates = new ArrayList<>(List.of(functions.count(lit(1)).as("_rows")));
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).kpi() != Kpi.WARNING_COMPLETION) {
                aggregates.addAll(KpiCounts.aggregates(i, measures.get(i), scopes));
            }
        }
        Dataset<Row> rows = periods.stream().map(panel::forPeriod).reduce(Dataset::unionByName).orElseThrow();
        return byCell(rows.groupBy("period", "month_key", "unit")
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)));
    }

    /** Each decided warning counts in every month of its period from its trigger month on. */
    private Map<String, Row> warningCounts(CustomerPanel panel, List<Period> periods, List<KpiMeasure> measures,
                                           int lastMonth, LocalDate asOf) {
        List<Column> aggregates = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).kpi() == Kpi.WARNING_COMPLETION) {
                aggregates.addAll(KpiCounts.warningAggregates(i, measures.get(i), scopes));
            }
        }
        if (aggregates.isEmpty()) {
            return Map.of();
        }
        Dataset<Row> units = tables.read("dim_org_unit").select(col("org_unit_id"), col("path"));
        Dataset<Row> decided = tables.read("mart_warning")
                .where(col("as_of_date").equalTo(Date.valueOf(asOf)).and(col("status").isin("completed", "expired")))
                .join(broadcast(units), new String[] {"org_unit_id"}, "left")
                .withColumn("unit", explode(expr("CASE WHEN path IS NOT NULL THEN concat(split(path, '/'), array('ALL')) "
                        + "WHEN org_unit_id IS NOT NULL THEN array(org_unit_id, 'ALL') ELSE array('ALL') END")));
        Dataset<Row> byPeriod = null;
        for (Period period : periods) {
            String periodEnd = switch (period) {
                case MONTHLY -> "trunc(triggered_on, 'MM')";
                case QUARTERLY -> "add_months(trunc(triggered_on, 'quarter'), 2)";
                case YEARLY -> "add_months(trunc(triggered_on, 'year'), 11)";
            };
            Dataset<Row> one = decided
                    .withColumn("period", lit(period.name().toLowerCase(java.util.Locale.ROOT)))
                    .withColumn("month_key", explode(expr("transform(sequence(trunc(triggered_on, 'MM'), " + periodEnd
                            + ", interval 1 month), d -> year(d) * 100 + month(d))")))
                    .withColumn("base_month", expr(Periods.previousMonthSql(Periods.startMonthSql(period, "month_key"))));
            byPeriod = byPeriod == null ? one : byPeriod.unionByName(one);
        }
        Dataset<Row> counted = byPeriod.where(col("month_key").leq(lastMonth))
                .join(panel.baseValues(), new String[] {"customer_id", "base_month"}, "left");
        return byCell(counted.groupBy("period", "month_key", "unit")
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)));
    }

    private static Map<String, Row> byCell(Dataset<Row> grouped) {
        Map<String, Row> cells = new LinkedHashMap<>();
        for (Row r : grouped.orderBy("period", "month_key", "unit").collectAsList()) {
            cells.put(cellKey(r.getString(0), r.getInt(1), r.getString(2)), r);
        }
        return cells;
    }

    private static String cellKey(String period, int month, String unit) {
        return period + "|" + month + "|" + unit;
    }

    private Row row(KpiMeasure m, int i, Row source, int month, String unit, String level, LocalDate asOf) {
        String p = "m" + i + "_";
        BigDecimal numerator;
        BigDecimal denominator;
        if (m.kpi() == Kpi.RETENTION) {
            SnapshotRetention r = new SnapshotRetention(source.getAs(p + "snapshot"), source.getAs(p + "still"),
                    source.getAs(p + "active_not"), source.getAs(p + "churned"), source.getAs(p + "new"));
            Ratio ratio = r.snapshot() == 0 ? null : switch (m.variant()) {
                case STATIC -> r.staticRetention();
                case ACTIVE -> r.activeRetention();
                case DYNAMIC -> r.dynamicRetention();
            };
            numerator = ratio == null ? BigDecimal.ZERO : ratio.numerator();
            denominator = BigDecimal.valueOf(r.snapshot());
        } else if (source == null) {
            numerator = BigDecimal.ZERO; // no warnings at all in this unit and period
            denominator = BigDecimal.ZERO;
        } else {
            numerator = decimal(source.getAs(p + "num"));
            denominator = m.kpi().unit() == Kpi.Unit.COUNT ? null : decimal(source.getAs(p + "den"));
        }
        LocalDate monthEnd = Periods.month(month).atEndOfMonth();
        Optional<KpiTarget> target = m.target(targets, monthEnd);
        BigDecimal actual = null;
        Boolean met = null;
        switch (m.kpi().unit()) {
            case PERCENT -> {
                if (denominator.signum() > 0) {
                    Ratio ratio = new Ratio(numerator, denominator);
                    actual = ratio.percent(KpiEvaluation.DISPLAY_SCALE);
                    met = target.map(t -> KpiEvaluation.evaluate(t, ratio).met()).orElse(null);
                }
            }
            case AMOUNT -> {
                if (denominator.signum() > 0) {
                    actual = numerator.divide(denominator, KpiEvaluation.DISPLAY_SCALE, RoundingMode.HALF_EVEN);
                    // Exact: numerator / denominator against the threshold by cross-multiplication.
                    met = target.map(t -> t.operator().holds(numerator.compareTo(t.threshold().multiply(denominator)))).orElse(null);
                }
            }
            case COUNT -> {
                actual = numerator;
                met = target.map(t -> KpiEvaluation.evaluate(t, numerator).met()).orElse(null);
            }
        }
        String status = target.isEmpty() ? "no_target" : actual == null ? "no_data" : met ? "met" : "missed";
        int start = Periods.startMonth(m.period(), month);
        return RowFactory.create(Date.valueOf(asOf), month, unit, level, m.kpi().id(), m.variantLabel(), m.scope().toString(),
                m.periodLabel(), start, Periods.baseMonth(m.period(), month), numerator, denominator, actual,
                m.kpi().unit().name().toLowerCase(java.util.Locale.ROOT),
                target.map(KpiTarget::threshold).orElse(null), target.map(t -> t.operator().symbol()).orElse(null),
                status, target.map(KpiTarget::id).orElse(null), targets.version());
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }
}
