package io.crmlake.reports;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Times the worklist of a large outlet: 2,000 open warnings of 2,000 customers and 20 account
 * managers on the report fixture, rendered once cold (compiling the template) and five times warm.
 * Run by reports/samples.sh --worklist-timing; results in docs/benchmarks.md.
 */
public final class WorklistTiming {

    private WorklistTiming() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("crmlake-worklist-timing");
        Path file = ServingCatalogFixture.withSampleBusiness(dir);
        try (Connection rw = DriverManager.getConnection("jdbc:duckdb:" + file); Statement st = rw.createStatement()) {
            st.execute("""
                    INSERT INTO dim_staff (staff_sk, staff_id, name, org_unit_id, role)
                    SELECT 1000 + i, 'SX' || i, '客户经理' || i, 'O01', 'account_manager' FROM range(1, 21) r(i)""");
            st.execute("""
                    INSERT INTO dim_customer (customer_sk, customer_id, version, valid_from, valid_to, is_current, name,
                                              phone, org_unit_id, owner_staff_id, consent_sms, consent_phone, consent_email, row_hash)
                    SELECT 10000 + i, 'CX' || lpad(i::VARCHAR, 5, '0'), 1, TIMESTAMPTZ '2024-01-01 00:00:00+08',
                           TIMESTAMPTZ '9999-12-31 00:00:00+00', true, '客户' || i, '139' || lpad(i::VARCHAR, 8, '0'), 'O01',
                           'SX' || (1 + i % 20), i % 3 = 0, i % 3 = 1, i % 5 = 0, i
                    FROM range(1, 2001) r(i)""");
            st.execute("""
                    INSERT INTO mart_warning (as_of_date, warning_id, customer_id, warning_type, triggered_on, due_date,
                                              owner_staff_id, org_unit_id, detail, suggested_channel, status)
                    SELECT DATE '2025-06-30', 'WX' || i, 'CX' || lpad(i::VARCHAR, 5, '0'), 'contract_expiring', DATE '2025-06-20',
                           DATE '2025-06-25' + (i % 30)::INTEGER, 'SX' || (1 + i % 20), 'O01',
                           '合约 2025-07-' || lpad((1 + i % 28)::VARCHAR, 2, '0') || ' 到期', 'sms', 'open'
                    FROM range(1, 2001) r(i)""");
        }
        ReportRenderer renderer = RendererFixture.renderer(dir, 2);
        try (Connection c = ServingCatalogFixture.readOnly(file)) {
            ReportParameters p = ReportParameters.worklist("O01", LocalDate.parse("2025-06-30"));
            // CPU time of this thread as well as wall time: on a shared machine the wall time says
            // more about the neighbours than about the render
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            for (int i = 0; i <= 5; i++) {
                long wall = System.nanoTime();
                long cpuStart = cpu.getCurrentThreadCpuTime();
                byte[] pdf = renderer.render("warning-worklist", p, c, Locale.SIMPLIFIED_CHINESE);
                System.out.printf("%s: wall %d ms, cpu %d ms, %,d bytes%n", i == 0 ? "cold (compile + fill + export)" : "warm " + i,
                        (System.nanoTime() - wall) / 1_000_000, (cpu.getCurrentThreadCpuTime() - cpuStart) / 1_000_000, pdf.length);
            }
        }
    }
}
