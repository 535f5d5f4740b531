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
import java.util.function.Supplier;
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
        // Bronze is created by ingest (and on first read). Silver, gold and ops tables exist after
        // any build, filled or empty, so that a business delivering only customers and
        // transactions still gets every table of the star.
        tables.createMissing(Catalog.get().tables().stream()
                .filter(t -> t.layer() != Layer.MART && t.layer() != Layer.BRONZE)
                .map(Table::name)
                .toList());
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
        Map<String, PendingRows> rows = pendingRows(pending);
        report("plan", start, "");

        step("silver", () -> {
            for (LandingEntity e : Catalog.get().landingEntities()) {
                PendingRows entityRows = rows.get(e.name());
                if (!entityRows.isEmpty()) {
                    SilverMerge.apply(tables, e, entityRows);
                }
            }
        });
        step("reference dimensions", () -> ReferenceDimensions.build(tables, pending.keySet()));
        long t0 = System.currentTimeMillis();
        Dataset<Row> affected = (pending.getOrDefault("customers", List.of()).isEmpty()
                ? tables.spark().createDataFrame(List.of(), DataTypes.createStructType(List.of(
                        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
                        DataTypes.createStructField("since", DataTypes.TimestampType, true))))
                : CustomerDimension.apply(tables, pending.get("customers")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long affectedCount = affected.count();
        report("dim_customer", t0, String.format(", %,d customers with new or changed versions", affectedCount));

        List<Integer> starts = new ArrayList<>();
        step("fact_transaction", () -> {
            Integer m = TransactionFact.apply(tables, rows.get("transactions"), affected);
            if (m != null) {
                starts.add(m);
            }
        });
        step("fact_touchpoint", () -> TouchpointFact.apply(tables, rows.get("touchpoints"), affected));
        affected.unpersist();

        int lastMonth = step("snapshot range", () -> {
            starts.addAll(snapshotStarts(rows));
            return lastMonth();
        });
        int from = Math.min(starts.stream().min(Integer::compare).orElse(lastMonth), lastMonth);
        long tDate = System.currentTimeMillis();
        boolean calendarWritten = DateDimension.build(tables, firstYear(lastMonth / 100), lastMonth / 100 + 1);
        report("dim_date", tDate, calendarWritten ? "" : ", unchanged");
        step("fact_account_period", () -> AccountPeriodFact.apply(tables, from, lastMonth));
        step("fact_customer_month", () -> CustomerMonthFact.apply(tables, from, lastMonth));
        step("batch log", () -> markBuilt(pending));
        return new BuildResult(count, from, lastMonth, System.currentTimeMillis() - start);
    }

    private void step(String name, Runnable work) {
        step(name, () -> {
            work.run();
            return null;
        });
    }

    private <T> T step(String name, Supplier<T> work) {
        long t0 = System.currentTimeMillis();
        T result = work.get();
        report(name, t0, "");
        return result;
    }

    private void report(String step, long startMillis, String note) {
        progress.accept(String.format("  %-24s done (%.1f s)%s", step, (System.currentTimeMillis() - startMillis) / 1000.0, note));
    }

    private Map<String, List<String>> pendingBatches() {
        Map<String, List<String>> pending = new LinkedHashMap<>();
        for (Row r : tables.read(BatchLog.TABLE).where(col("built_at").isNull())
                .select("entity", "batch_id").orderBy("entity", "batch_id").collectAsList()) {
            pending.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        return pending;
    }

    /**
     * Per landing entity, the rows to fold in: the pending batches, plus for entities that refer
     * to a customer the orphans released by a pending customers batch (see {@link PendingRows}).
     */
    private Map<String, PendingRows> pendingRows(Map<String, List<String>> pending) {
        List<String> releasing = pending.getOrDefault("customers", List.of());
        Map<String, PendingRows> rows = new LinkedHashMap<>();
        for (LandingEntity e : Catalog.get().landingEntities()) {
            List<String> batches = pending.getOrDefault(e.name(), List.of());
            PendingRows r = e.customerRef() == null ? PendingRows.batches(batches)
                    : PendingRows.of(tables, e.name(), batches, releasing);
            if (r.releasesLateRows()) {
                progress.accept("  " + e.name() + ": " + r);
            }
            rows.put(e.name(), r);
        }
        return rows;
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
    private List<Integer> snapshotStarts(Map<String, PendingRows> pending) {
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
    private void addStateStart(List<Integer> starts, String table, String id, PendingRows rows, Column firstState, Column change) {
        if (rows.isEmpty()) {
            return;
        }
        Dataset<Row> firstStates = tables.read(table).groupBy(id).agg(min("updated_at").as("_first"));
        Row r = rows.select(tables.read(table))
                .join(firstStates, id)
                .agg(min(Keys.monthKey(when(col("updated_at").equalTo(col("_first")), firstState).otherwise(change))))
                .first();
        if (!r.isNullAt(0)) {
            starts.add(r.getInt(0));
        }
    }

    private void addMin(List<Integer> starts, String table, PendingRows rows, Column date) {
        if (rows.isEmpty()) {
            return;
        }
        Row r = rows.select(tables.read(table))
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

    /** One commit for the whole build: the batches become built together or not at all. */
    private void markBuilt(Map<String, List<String>> pending) {
        Column built = pending.entrySet().stream()
                .map(e -> col("entity").equalTo(e.getKey()).and(col("batch_id").isin(e.getValue().toArray())))
                .reduce(Column::or)
                .orElseThrow();
        tables.ensure(BatchLog.TABLE).update(built, Map.of("built_at", current_timestamp()));
    }
}
