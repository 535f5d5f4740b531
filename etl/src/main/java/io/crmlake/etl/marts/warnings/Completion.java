package io.crmlake.etl.marts.warnings;

import io.crmlake.etl.model.warning.CompletionMatcher;
import io.crmlake.etl.model.warning.CompletionMatcher.Contact;
import io.crmlake.etl.model.warning.CompletionMatcher.Resolution;
import io.crmlake.etl.model.warning.CompletionMatcher.Task;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Brings each customer's warnings and contacts together (cogroup on customer_id) and lets
 * {@link CompletionMatcher} decide every warning. Spark only groups; the rule is plain Java.
 */
final class Completion {

    static final StructType RESOLUTION = new StructType()
            .add("warning_id", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("completed_by_touchpoint_id", DataTypes.StringType, true);

    private Completion() {}

    /**
     * @param tasks customer_id, warning_id, triggered_on, window_end, qualifying_outcomes (array)
     * @param contacts customer_id, touchpoint_id, ts, date_key, channel, outcome, consent_ok, is_control
     * @return warning_id, status, completed_by_touchpoint_id
     */
    static Dataset<Row> resolve(Dataset<Row> tasks, Dataset<Row> contacts, LocalDate asOf) {
        MapFunction<Row, String> customer = r -> r.getAs("customer_id");
        CoGroupFunction<String, Row, Row, Row> decide = (id, taskRows, contactRows) -> {
            List<Contact> known = new ArrayList<>();
            contactRows.forEachRemaining(c -> known.add(contact(c)));
            List<Row> out = new ArrayList<>();
            taskRows.forEachRemaining(t -> {
                Resolution r = CompletionMatcher.resolve(task(t), known, asOf);
                out.add(RowFactory.create(r.warningId(), r.status().id(),
                        r.completedBy().map(Contact::touchpointId).orElse(null)));
            });
            return out.iterator();
        };
        return tasks.groupByKey(customer, Encoders.STRING())
                .cogroup(contacts.groupByKey(customer, Encoders.STRING()), decide, Encoders.row(RESOLUTION));
    }

    private static Task task(Row t) {
        List<String> outcomes = t.getList(t.fieldIndex("qualifying_outcomes"));
        return new Task(t.getAs("warning_id"), ((Date) t.getAs("triggered_on")).toLocalDate(),
                ((Date) t.getAs("window_end")).toLocalDate(), new HashSet<>(outcomes));
    }

    private static Contact contact(Row c) {
        int dateKey = c.getAs("date_key");
        LocalDate day = LocalDate.of(dateKey / 10_000, dateKey / 100 % 100, dateKey % 100);
        return new Contact(c.getAs("touchpoint_id"), ((Timestamp) c.getAs("ts")).toLocalDateTime(), day,
                c.getAs("channel"), c.getAs("outcome"), c.getAs("consent_ok"), c.getAs("is_control"));
    }
}
