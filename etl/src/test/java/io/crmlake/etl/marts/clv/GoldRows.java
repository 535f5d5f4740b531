package io.crmlake.etl.marts.clv;

import io.crmlake.etl.spark.LakeTables;
import io.crmlake.etl.spark.SparkTypes;
import io.crmlake.warehouse.catalog.Column;
import io.crmlake.warehouse.catalog.Table;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Tiny inline gold-table fixtures, typed by the catalog, built by column name. */
final class GoldRows {

    private final LakeTables tables;
    private final String name;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    GoldRows(LakeTables tables, String name) {
        this.tables = tables;
        this.name = name;
    }

    /** A purchase, refund or bill of {@code amount} on {@code day} (revenue signed as the star build does). */
    GoldRows txn(String id, String customer, String day, String type, String amount) {
        LocalDate d = LocalDate.parse(day);
        BigDecimal a = new BigDecimal(amount);
        BigDecimal revenue = type.equals("refund") ? a.abs().negate() : a.abs();
        BigDecimal cost = revenue.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP);
        Map<String, Object> r = new HashMap<>();
        r.put("txn_id", id);
        r.put("month_key", d.getYear() * 100 + d.getMonthValue());
        r.put("date_key", PurchaseSummary.dateKey(d));
        r.put("txn_ts", Timestamp.valueOf(d.atTime(12, 0)));
        r.put("customer_sk", (long) customer.hashCode());
        r.put("customer_id", customer);
        r.put("product_sk", -1L);
        r.put("channel_sk", -1L);
        r.put("org_unit_sk", -1L);
        r.put("txn_type", type);
        r.put("amount", a);
        r.put("revenue", revenue);
        r.put("cost", cost);
        r.put("margin", revenue.subtract(cost));
        r.put("is_purchase", type.equals("purchase"));
        r.put("_batch_id", "test");
        rows.add(r);
        return this;
    }

    /** The first (and only) version of a customer, valid from {@code day}. */
    GoldRows customer(String id, String relationship, String day) {
        Map<String, Object> r = new HashMap<>();
        r.put("customer_sk", (long) id.hashCode());
        r.put("customer_id", id);
        r.put("version", 1);
        r.put("valid_from", Timestamp.valueOf(LocalDate.parse(day).atStartOfDay()));
        r.put("valid_to", Timestamp.valueOf("9999-12-31 00:00:00"));
        r.put("is_current", true);
        r.put("relationship", relationship);
        r.put("row_hash", 0L);
        rows.add(r);
        return this;
    }

    /** One month of an account: billed {@code revenue}; closed on {@code closeDate} (null while open). */
    GoldRows accountMonth(String account, String customer, int monthKey, String openDate, String closeDate, String revenue) {
        Map<String, Object> r = new HashMap<>();
        r.put("account_id", account);
        r.put("month_key", monthKey);
        r.put("customer_sk", (long) customer.hashCode());
        r.put("customer_id", customer);
        r.put("product_sk", -1L);
        r.put("open_date", Date.valueOf(openDate));
        r.put("close_date", closeDate == null ? null : Date.valueOf(closeDate));
        r.put("revenue", new BigDecimal(revenue));
        r.put("is_active", true);
        r.put("opened_in_period", false);
        r.put("closed_in_period", false);
        r.put("tenure_months", 0);
        rows.add(r);
        return this;
    }

    /** The rows as a frame with the catalog's columns and types. */
    Dataset<Row> frame() {
        Table table = tables.table(name);
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            out.add(RowFactory.create(table.columns().stream().map(Column::name).map(r::get).toArray()));
        }
        return tables.conform(name, tables.spark().createDataFrame(out, SparkTypes.struct(table.columns())));
    }

    /** Writes the rows as the table's whole content. */
    void write() {
        tables.overwrite(name, frame());
    }
}
