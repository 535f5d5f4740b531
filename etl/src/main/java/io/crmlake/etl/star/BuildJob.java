package io.crmlake.etl.star;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.crmlake.etl.ingest.BatchLog;
import io.crmlake.etl.ingest.ContractBreach;
import io.crmlake.etl.spark.LakeTables;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.Layer;
import io.crmlake.warehouse.catalog.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * crmlake build: folds every loaded batch not yet built into silver and the gold star schema.
 * Every step is a MERGE or an atomic replace computed from the lake's content alone, with
 * deterministic keys, so a build killed at any point and run again converges to the same tables
 * as one that was never interrupted; the batches are marked built only at the end.
 */
public final class BuildJob {

    private final LakeTables tables;
    private final Consumer<String> progress;

    public BuildJob(LakeTables tables, Consumer<String> progress) {
        this.tables = tables;
        this.progress = progress;
    }

    public record BuildResult(int batches, Integer fromMonth, Integer lastMonth, long millis) {}

    public BuildResult run() {
        long start = System.currentTimeMillis();
        for (Table t : Catalog.get().tables()) {
            if (t.layer() != Layer.MART) {
                tables.ensure(t.name());
            }
        }
        Map<String, List<String>> pending = pendingBatches();
        int count = pending.values().stream().mapToInt(List::size).sum();
        if (count == 0) {
            progress.accept("  nothing to build: every loaded batch is already in gold");
            return new BuildResult(0, null, null, System.currentTimeMillis() - start);
        }
        if (pending.getOrDefault("transactions", List.of()).isEmpty() && tables.read("fact_transaction").isEmpty()
                && tables.read("bronze_transactions").isEmpty()) {
            throw new ContractBreach("no transactions are loaded; run `crmlake ingest` on a landing zone with transactions first");
        }
        progress.accept("  pending: " + count + " entity batches " + summary(pending));

        step("silver", () -> {
            for (LandingEntity e : Catalog.get().landingEntities()) {
                List<String> batches = pending.getOrDefault(e.name(), List.of());
                if (!batches.isEmpty()) {
                    SilverMerge.apply(tables, e, batches);
                }
            }
        });
        step("reference dimensions", () -> ReferenceDimensions.build(tables));
        Dataset<Row> affected = pending.getOrDefault("customers", List.of()).isEmpty()
                ? tables.spark().createDataFrame(List.of(), DataTypes.createStructType(List.of(
                        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
                        DataTypes.createStructField("since", DataTypes.TimestampType, true))))
                : CustomerDimension.apply(tables, pending.get("customers"));
        affected = affected.persist(StorageLevel.MEMORY_AND_DISK());
        long affectedCount = affected.count();
        progress.accept(String.format("  %-24s %,d customers with new or changed versions", "dim_customer", affectedCount));

        List<Integer> starts = new ArrayList<>();
        Dataset<Row> affectedFinal = affected;
        step("fact_transaction", () -> {
            Integer m = TransactionFact.apply(tables, pending.getOrDefault("transactions", List.of()), affectedFinal);
            if (m != null) {
                starts.add(m);
            }
        });
        step("fact_touchpoint", () -> TouchpointFact.apply(tables, pending.getOrDefault("touchpoints", List.of()), affectedFinal));
        affected.unpersist();

        starts.addAll(snapshotStarts(pending));
        int lastMonth = lastMonth();
        int fromMonth = starts.stream().min(Integer::compare).orElse(lastMonth);
        fromMonth = Math.min(fromMonth, lastMonth);
        int from = fromMonth;
        step("dim_date", () -> DateDimension.build(tables, firstYear(lastMonth / 100), lastMonth / 100 + 1));
        step("fact_account_period", () -> AccountPeriodFact.apply(tables, from, lastMonth));
        step("fact_customer_month", () -> CustomerMonthFact.apply(tables, from, lastMonth));
        markBuilt(pending);
        return new BuildResult(count, fromMonth, lastMonth, System.currentTimeMillis() - start);
    }

    private void step(String name, Runnable work) {
        long t0 = System.currentTimeMillis();
        work.run();
        progress.accept(String.format("  %-24s done (%.1f s)", name, (System.currentTimeMillis() - t0) / 1000.0));
    }

    private Map<String, List<String>> pendingBatches() {
        Map<String, List<String>> pending = new LinkedHashMap<>();
        for (Row r : tables.read(BatchLog.TABLE).where(col("built_at").isNull())
                .select("entity", "batch_id").orderBy("entity", "batch_id").collectAsList()) {
            pending.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        return pending;
    }

    private static String summary(Map<String, List<String>> pending) {
        List<String> parts = new ArrayList<>();
        pending.forEach((e, b) -> parts.add(e + " " + (b.size() == 1 ? b.get(0) : b.get(0) + ".." + b.get(b.size() - 1))));
        return "(" + String.join(", ", parts) + ")";
    }

    /**
     * Months from which accounts, balances and customers change the snapshots. A customer or an
     * account seen for the first time reaches back to its join or open month; a later state of one
     * already known reaches back only to its change (or close), so a monthly status update of a
     * long-standing account does not rebuild the snapshots from the beginning of time.
     */
    private List<Integer> snapshotStarts(Map<String, List<String>> pending) {
        List<Integer> starts = new ArrayList<>();
        Column changed = col("updated_at").cast("date");
        addStateStart(starts, "silver_accounts", "account_id", pending.get("accounts"),
                least(col("open_date"), col("close_date"), changed), least(col("close_date"), changed));
        addMin(starts, "silver_account_balances", pending.get("account_balances"), col("as_of_date"));
        addStateStart(starts, "silver_customers", "customer_id", pending.get("customers"),
                least(col("join_date"), changed), changed);
        return starts;
    }

    /** The earliest month a state-history table's pending rows reach: {@code firstState} for an id's first state, {@code change} after. */
    private void addStateStart(List<Integer> starts, String table, String id, List<String> batches, Column firstState, Column change) {
        if (batches == null || batches.isEmpty()) {
            return;
        }
        Dataset<Row> firstStates = tables.read(table).groupBy(id).agg(min("updated_at").as("_first"));
        Row r = tables.read(table).where(col("_batch_id").isin(batches.toArray()))
                .join(firstStates, id)
                .agg(min(Keys.monthKey(when(col("updated_at").equalTo(col("_first")), firstState).otherwise(change))))
                .first();
        if (!r.isNullAt(0)) {
            starts.add(r.getInt(0));
        }
    }

    private void addMin(List<Integer> starts, String table, List<String> batches, Column date) {
        if (batches == null || batches.isEmpty()) {
            return;
        }
        Row r = tables.read(table).where(col("_batch_id").isin(batches.toArray()))
                .agg(min(Keys.monthKey(date))).first();
        if (!r.isNullAt(0)) {
            starts.add(r.getInt(0));
        }
    }

    private int lastMonth() {
        Row txn = tables.read("fact_transaction").agg(max("month_key")).first();
        Row bal = tables.read("silver_account_balances").agg(max(Keys.monthKey(col("as_of_date")))).first();
        int last = txn.isNullAt(0) ? 0 : txn.getInt(0);
        if (!bal.isNullAt(0)) {
            last = Math.max(last, bal.getInt(0));
        }
        if (last == 0) {
            throw new ContractBreach("the lake holds no dated facts yet; ingest transactions first");
        }
        return last;
    }

    /**
     * dim_date starts with the first transaction's year, or earlier to cover join dates, but at
     * most {@value #JOIN_YEARS_BEFORE_FIRST_FACT} years earlier: one join date typed as 1900 or
     * 0001 in a source system must not blow the calendar up to thousands of years. Join dates
     * are attributes, not date keys, so nothing joins to the dates left out.
     */
    private int firstYear(int lastYear) {
        Row r = tables.read("fact_transaction").agg(min("month_key")).first();
        Row c = tables.read("dim_customer").agg(min("join_date")).first();
        int factYear = r.isNullAt(0) ? lastYear : r.getInt(0) / 100;
        return calendarStartYear(factYear, c.isNullAt(0) ? null : c.getDate(0).toLocalDate().getYear());
    }

    /**
     * The first year of dim_date: the first fact's year (the last data year when there are no
     * transactions, only balances), moved back to the earliest join year (null: no customers)
     * by at most {@value #JOIN_YEARS_BEFORE_FIRST_FACT} years.
     */
    static int calendarStartYear(int firstFactYear, Integer earliestJoinYear) {
        if (earliestJoinYear == null) {
            return firstFactYear;
        }
        return Math.min(firstFactYear, Math.max(earliestJoinYear, firstFactYear - JOIN_YEARS_BEFORE_FIRST_FACT));
    }

    static final int JOIN_YEARS_BEFORE_FIRST_FACT = 30;

    private void markBuilt(Map<String, List<String>> pending) {
        pending.forEach((entity, batches) -> tables.ensure(BatchLog.TABLE).update(
                col("entity").equalTo(entity).and(col("batch_id").isin(batches.toArray())),
                Map.of("built_at", current_timestamp())));
    }
}
