package io.crmlake.api.security;

/**
 * The three roles. Each includes the ones below it (see SecurityConfig's role hierarchy):
 * executive reads KPIs, reports and the masked customer view; analyst also reads marts,
 * customers' personal data and exports CSV; admin also triggers reloads and schedules.
 */
public final class Roles {
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
