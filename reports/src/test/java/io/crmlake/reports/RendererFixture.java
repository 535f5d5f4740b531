package io.crmlake.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** One renderer per test class, with a fixed clock so "generated at" lines are stable. */
final class RendererFixture {

    static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");

    private RendererFixture() {}

    static ReportRenderer renderer(Path dir, int maxConcurrent) {
        return new ReportRenderer(maxConcurrent, dir.resolve("swap"), ZoneId.of("Asia/Shanghai"),
                Clock.fixed(NOW, ZoneId.of("UTC")));
    }
}
