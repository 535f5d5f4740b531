package io.crmlake.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reports crmlake renders: the template behind each, its sub-reports (compiled with it and
 * passed in as {@code SUBREPORTS}), and the parameters it needs.
 */
public enum Report {

    CUSTOMER_ONE_PAGER("customer-one-pager", "customer_one_pager",
            List.of("customer_segments", "customer_transactions", "customer_contacts"),
            List.of(Parameter.CUSTOMER_ID)),
    WARNING_WORKLIST("warning-worklist", "warning_worklist", List.of(),
            List.of(Parameter.ORG_UNIT)),
    MONTHLY_PACK("monthly-pack", "monthly_pack", List.of("pack_kpi", "pack_contribution", "pack_abc",
            "pack_migration", "pack_value", "pack_value_segments", "pack_value_top", "pack_value_models", "pack_warnings"),
            List.of(Parameter.PERIOD, Parameter.ORG_UNIT));

    /** A request parameter, as named in the API and in error messages. */
    public enum Parameter {
        PERIOD("period"), ORG_UNIT("org_unit"), CUSTOMER_ID("customer_id");

        private final String key;

        Parameter(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final String id;
    private final String template;
    private final List<String> subreports;
    private final List<Parameter> required;

    Report(String id, String template, List<String> subreports, List<Parameter> required) {
        this.id = id;
        this.template = template;
        this.subreports = subreports;
        this.required = required;
    }

    /** The name used in URLs, schedules and file names, e.g. {@code monthly-pack}. */
    public String id() {
        return id;
    }

    /** Template base name under {@code reports/} on the classpath. */
    public String template() {
        return template;
    }

    public List<String> subreports() {
        return subreports;
    }

    public List<Parameter> required() {
        return required;
    }

    public static Report byId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidReportParameterException("report", "unknown report '" + id
                        + "'; known reports: " + Arrays.stream(values()).map(Report::id).collect(Collectors.joining(", "))));
    }
}
