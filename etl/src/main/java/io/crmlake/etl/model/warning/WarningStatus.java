package io.crmlake.etl.model.warning;

/** Where a warning stands as of the analysis date. */
public enum WarningStatus {
    /** The completion window is still running and no qualifying contact has happened yet. */
    OPEN,
    /** A qualifying contact followed inside the completion window. */
    COMPLETED,
    /** The completion window ended without a qualifying contact. */
    EXPIRED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
