package io.crmlake.etl.marts.migration;

import io.crmlake.warehouse.rules.LifecycleRules;
import io.crmlake.warehouse.rules.TierRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark adapter of {@link CustomerTimeline}: receives one customer's month rows (columns of
 * {@link #INPUT}), returns them in month order with the lifecycle stage, the churned flag and
 * the member tier appended.
 */
final class TimelineFunction implements FlatMapGroupsFunction<String, Row, Row> {

    static final String[] INPUT = {"customer_id", "month_key", "revenue", "margin", "account_revenue", "orders",
            "purchase_days", "max_single_purchase", "last_purchase_date", "recency_days", "tenure_months",
            "active_accounts", "first_purchase_date"};

    private final LifecycleRules lifecycle;
    private final TierRules tiers;

    TimelineFunction(LifecycleRules lifecycle, TierRules tiers) {
        this.lifecycle = lifecycle;
        this.tiers = tiers;
    }

    static StructType outputSchema(StructType input) {
        return input.add("stage", DataTypes.StringType, false)
                .add("churned", DataTypes.BooleanType, false)
                .add("tier", DataTypes.StringType, true);
    }

    @Override
    public Iterator<Row> call(String customerId, Iterator<Row> rows) {
        List<Row> months = new ArrayList<>();
        rows.forEachRemaining(months::add);
        months.sort(Comparator.comparingInt(r -> r.<Integer>getAs("month_key")));
        List<CustomerTimeline.Month> input = new ArrayList<>(months.size());
        LocalDate firstPurchase = null;
        for (Row r : months) {
            firstPurchase = date(r.getAs("first_purchase_date"));
            input.add(new CustomerTimeline.Month(r.<Integer>getAs("month_key"), r.<BigDecimal>getAs("revenue"),
                    r.<Integer>getAs("orders"), r.<Integer>getAs("purchase_days"), r.getAs("max_single_purchase"),
                    date(r.getAs("last_purchase_date")), r.getAs("recency_days"), r.<Integer>getAs("tenure_months"),
                    r.<Integer>getAs("active_accounts")));
        }
        List<CustomerTimeline.State> states = CustomerTimeline.walk(lifecycle, tiers, firstPurchase, input);
        List<Row> out = new ArrayList<>(months.size());
        for (int i = 0; i < months.size(); i++) {
            Row r = months.get(i);
            Object[] values = new Object[r.length() + 3];
            for (int c = 0; c < r.length(); c++) {
                values[c] = r.get(c);
            }
            CustomerTimeline.State s = states.get(i);
            values[r.length()] = s.stage();
            values[r.length() + 1] = s.churned();
            values[r.length() + 2] = s.tier();
            out.add(RowFactory.create(values));
        }
        return out.iterator();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
