package io.crmlake.reports;

/**
 * A report request that cannot be rendered as asked: unknown report, missing or malformed
 * parameter, unknown org unit or customer, unsupported locale. The message is one sentence
 * naming the parameter and what to send instead; the API maps it to a 400.
 */
public final class InvalidReportParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidReportParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The request parameter at fault (period, org_unit, customer_id, as_of, locale, report). */
    public String parameter() {
        return parameter;
    }
}
