package io.crmlake.etl.model.clv;

/** Time units of model parameters and customer histories, with exact lengths in days (Julian year 365.25 d). */
public enum ModelTimeUnit {
    DAYS(1.0),
    WEEKS(7.0),
    MONTHS(365.25 / 12.0),
    YEARS(365.25);

    private final double days;

    ModelTimeUnit(double days) {
        this.days = days;
    }

    /** Length of one unit in days. */
    public double days() {
        return days;
    }
}
