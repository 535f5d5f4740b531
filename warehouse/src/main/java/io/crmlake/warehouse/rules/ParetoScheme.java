package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;
import java.util.List;

/**
 * ABC classes on a measure summed over a window. Customers are sorted by the measure,
 * largest first. With {@code cumulative_share} a customer's position is the cumulative share
 * of the measure up to and including that customer; with {@code customer_count} it is the
 * cumulative fraction of customers (rank / n). A customer takes the first class whose
 * {@code upto} cut admits its position; the last class has no cut and takes the rest.
 */
public record ParetoScheme(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("measure") String measure,
        @JsonProperty("window_months") Integer windowMonths,
        @JsonProperty("method") Method method,
        @JsonProperty("classes") List<ParetoClass> classes) implements Scheme {

    public enum Method {
        @JsonProperty("cumulative_share") CUMULATIVE_SHARE,
        @JsonProperty("customer_count") CUSTOMER_COUNT
    }

    /** One ABC class; {@code upto} is a cumulative fraction in (0, 1], absent on the last class. */
    public record ParetoClass(
            @JsonProperty("id") String id,
            @JsonProperty("rank") Integer rank,
            @JsonProperty("upto") Bound upto) implements java.io.Serializable {

        public ParetoClass {
            Ids.id(id, "id");
            if (rank == null) {
                throw new InvalidField("rank", "is required: a whole number, higher = more valuable");
            }
            if (upto != null && (upto.value().signum() <= 0 || upto.value().compareTo(BigDecimal.ONE) > 0)) {
                throw new InvalidField("upto.value", "is " + upto.value().toPlainString()
                        + "; expected a cumulative fraction above 0 and at most 1 (0.80, not 80)");
            }
        }
    }

    public ParetoScheme {
        Ids.id(id, "id");
        Ids.id(measure, "measure");
        Ids.positive(windowMonths, "window_months", "months of the measure summed per customer");
        if (method == null) {
            throw new InvalidField("method", "is required: cumulative_share or customer_count");
        }
        classes = Ids.nonEmpty(classes, "classes", "class");
        Ids.unique(classes, ParetoClass::id, "classes", "id");
        if (classes.size() < 2) {
            throw new InvalidField("classes", "needs at least two classes, the last one without 'upto' (the rest)");
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < classes.size(); i++) {
            ParetoClass c = classes.get(i);
            boolean last = i == classes.size() - 1;
            if (last && c.upto() != null) {
                throw new InvalidField("classes[" + i + "].upto", "the last class takes the rest and has no 'upto'");
            }
            if (!last && c.upto() == null) {
                throw new InvalidField("classes[" + i + "]", "class '" + c.id() + "' needs 'upto' {value, inclusive}; only the last class takes the rest");
            }
            if (!last) {
                if (c.upto().value().compareTo(previous) <= 0) {
                    throw new InvalidField("classes[" + i + "].upto.value", "cut " + c.upto().value().toPlainString()
                            + " of class '" + c.id() + "' is not above the previous cut " + previous.toPlainString()
                            + "; expected classes from the top down with rising cuts");
                }
                previous = c.upto().value();
            }
        }
    }

    @Override
    public List<String> segmentIds() {
        return classes.stream().map(ParetoClass::id).toList();
    }
}
