package io.crmlake.api.reports;

import io.crmlake.api.catalog.LiveCatalog;
import io.crmlake.reports.ReportParameters;
import io.crmlake.reports.ReportRenderer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Renders a report from the current serving catalog. Requests from the API pass the
 * {@link RenderGate} (bounded: busy → 503); scheduled runs wait for a slot instead, since there
 * are only as many of them as scheduler threads.
 */
public class ReportService {

    private final ReportRenderer renderer;
    private final LiveCatalog catalog;
    private final RenderGate gate;
    private final Clock clock;
    private final ZoneId zone;

    public ReportService(ReportRenderer renderer, LiveCatalog catalog, RenderGate gate, Clock clock, ZoneId zone) {
        this.renderer = renderer;
        this.catalog = catalog;
        this.gate = gate;
        this.clock = clock;
        this.zone = zone;
    }

    /** For an API request: refused with {@link RenderQueueFullException} when the queue is full. */
    public RenderedReport renderNowOrRefuse(ReportRequest request) {
        try (RenderGate.Ticket ticket = gate.enter()) {
            return render(request);
        }
    }

    /** For a scheduled run: waits for a render slot however long it takes. */
    public RenderedReport render(ReportRequest request) {
        try (Connection connection = catalog.connect()) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Map<String, String> resolved = RelativeParameters.resolve(request.report(), request.parameters(), connection, today);
            byte[] pdf = renderer.render(request.report().id(), ReportParameters.parse(resolved), connection, request.locale());
            DataVersion version = DataVersion.read(connection);
            return new RenderedReport(request.report(), resolved, request.localeTag(), pdf, version, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the serving catalog for " + request.report().id() + ": " + e.getMessage(), e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public RenderGate gate() {
        return gate;
    }
}
