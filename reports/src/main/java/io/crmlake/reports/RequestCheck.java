package io.crmlake.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks a request against the catalog before anything is filled, so that a typo in an org
 * unit or customer id is a clear error and not an empty report.
 */
final class RequestCheck {

    private RequestCheck() {}

    static void check(Report report, ReportParameters p, Connection connection) throws SQLException {
        for (Report.Parameter required : report.required()) {
            boolean present = switch (required) {
                case PERIOD -> p.period() != null;
                case ORG_UNIT -> p.orgUnitId() != null && !p.orgUnitId().isBlank();
                case CUSTOMER_ID -> p.customerId() != null && !p.customerId().isBlank();
            };
            if (!present) {
                throw new InvalidReportParameterException(required.key(), "missing; the " + report.id() + " report needs "
                        + String.join(", ", report.required().stream().map(Report.Parameter::key).toList()));
            }
        }
        if (report.required().contains(Report.Parameter.ORG_UNIT)
                && !ReportParameters.ALL_ORG_UNITS.equals(p.orgUnitId())
                && !exists(connection, "select 1 from dim_org_unit where org_unit_id = ?", p.orgUnitId())) {
            throw new InvalidReportParameterException("org_unit", "unknown org unit '" + p.orgUnitId()
                    + "'; use an org_unit_id from dim_org_unit, or ALL for the whole company");
        }
        if (report.required().contains(Report.Parameter.CUSTOMER_ID)
                && !exists(connection, "select 1 from dim_customer where customer_id = ?", p.customerId())) {
            throw new InvalidReportParameterException("customer_id", "unknown customer '" + p.customerId()
                    + "'; use a customer_id from dim_customer");
        }
    }

    /**
     * Whether an org unit stands for the whole company: ALL, or the root of dim_org_unit (level
     * company). The marts key company-wide rows as ALL (mart_contribution_*: dimension company),
     * so a pack for the root unit must read those rows.
     */
    static boolean companyWide(Connection connection, String orgUnitId) throws SQLException {
        return ReportParameters.ALL_ORG_UNITS.equals(orgUnitId)
                || exists(connection, "select 1 from dim_org_unit where org_unit_id = ? and level = 'company'", orgUnitId);
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
