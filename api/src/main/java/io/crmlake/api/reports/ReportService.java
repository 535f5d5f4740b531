package io.crmlake.api.reports;

import io.crmlake.api.catalog.NoCatalogException;
import io.crmlake.reports.ReportParameters;
import io.crmlake.reports.ReportRenderer;
import io.crmlake.warehouse.serving.ServingCatalog;
import io.crmlake.warehouse.serving.ServingCatalogException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Renders a report from the serving catalog. Requests from the API pass the {@link RenderGate}
 * (bounded: busy → 503); scheduled runs wait for a slot instead, since there are only as many
 * of them as scheduler threads.
 *
 * <p>Each render opens the current catalog file as its own pinned {@link ServingCatalog}
 * rather than borrowing a connection of the service's live catalog: that one streams results
 * (for CSV exports), and a DuckDB connection with an open streamed result refuses the next
 * query, which is exactly what a report with sub-reports does on its one connection. Pinning
 * also makes the recorded data version the one the PDF was filled from, even if a publish
 * lands mid-render.
 */
public class ReportService {

    private final ReportRenderer renderer;
    private final Path servingDir;
    private final RenderGate gate;
    private final Clock clock;
    private final ZoneId zone;

    public ReportService(ReportRenderer renderer, Path servingDir, RenderGate gate, Clock clock, ZoneId zone) {
        this.renderer = renderer;
        this.servingDir = servingDir;
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
        ServingCatalog catalog;
        try {
            catalog = ServingCatalog.open(servingDir);
        } catch (ServingCatalogException e) {
            throw new NoCatalogException(e.getMessage());
        }
        try (catalog; Connection connection = catalog.connect()) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Map<String, String> resolved = RelativeParameters.resolve(request.report(), request.parameters(), connection, today);
            byte[] pdf = renderer.render(request.report().id(), ReportParameters.parse(resolved), connection, request.locale());
            DataVersion version = DataVersion.of(catalog);
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
