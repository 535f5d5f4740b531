package io.crmlake.warehouse.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmlake.warehouse.yaml.InvalidField;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which customers a KPI target covers, in exactly one of three forms:
 * {@code {all: true}}; bands of a scheme {@code {scheme: arpu_band, bands: [mid, high]}}; or a
 * bound on a measure {@code {measure: arpu, lower: {value: 80, inclusive: false}}}.
 */
public record KpiScope(
        @JsonProperty("all") Boolean all,
        @JsonProperty("scheme") String scheme,
        @JsonProperty("bands") List<String> bands,
        @JsonProperty("measure") String measure,
        @JsonProperty("lower") Bound lower,
        @JsonProperty("upper") Bound upper) {

    public enum Form { ALL, BANDS, MEASURE }

    public KpiScope {
        boolean isAll = Boolean.TRUE.equals(all);
        boolean isBands = scheme != null || bands != null;
        boolean isMeasure = measure != null || lower != null || upper != null;
        int forms = (isAll ? 1 : 0) + (isBands ? 1 : 0) + (isMeasure ? 1 : 0);
        if (forms != 1) {
            throw new InvalidField("", "expected exactly one of {all: true}, {scheme, bands} or {measure, lower/upper}");
        }
        if (isBands) {
            Ids.id(scheme, "scheme");
            bands = Ids.nonEmpty(bands, "bands", "band id of scheme '" + scheme + "'");
        }
        if (isMeasure) {
            Ids.id(measure, "measure");
            if (lower == null && upper == null) {
                throw new InvalidField("measure", "needs 'lower' or 'upper' {value, inclusive} to say which values are in scope");
            }
            new Range(lower, upper);
        }
    }

    public static KpiScope allCustomers() {
        return new KpiScope(true, null, null, null, null, null);
    }

    public Form form() {
        return Boolean.TRUE.equals(all) ? Form.ALL : scheme != null ? Form.BANDS : Form.MEASURE;
    }

    /** For the measure form: whether a customer's measure value is in scope. */
    public boolean admitsMeasure(BigDecimal value) {
        return form() == Form.ALL || (form() == Form.MEASURE && new Range(lower, upper).contains(value));
    }

    /** For the band form: whether a customer in this band of the scheme is in scope. */
    public boolean admitsBand(String schemeId, String bandId) {
        return form() == Form.ALL || (form() == Form.BANDS && scheme.equals(schemeId) && bands.contains(bandId));
    }

    @Override
    public String toString() {
        return switch (form()) {
            case ALL -> "all customers";
            case BANDS -> scheme + " in " + bands;
            case MEASURE -> measure + " " + new Range(lower, upper);
        };
    }
}
