package io.crmlake.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.api.support.DemoData;
import io.crmlake.api.support.FixtureCatalog;
import io.crmlake.api.support.ServiceTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own life with the catalog: it starts without one (health DOWN, 503 with the
 * reason, no crash), picks up the first publish, and switches to a re-publish without a restart
 * while a connection opened before the switch still reads the old file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crmlake.watch-interval=200ms")
class CatalogLifecycleTest {

    private static Path serving;

    @LocalServerPort
    int port;
    @Autowired
    LiveCatalog catalog;

    @DynamicPropertySource
    static void emptyServingFolder(DynamicPropertyRegistry registry) throws IOException {
        serving = Files.createTempDirectory("crmlake-api-lifecycle").resolve("serving");
        registry.add("crmlake.serving", serving::toString);
    }

    @Test
    void startsWithoutCatalogThenFollowsEachPublish() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(503);
        String expected = "no catalog at " + serving.resolve("crmlake.duckdb") + "; run `crmlake run` first";
        assertThat(json(health).at("/components/catalog/status").asString()).isEqualTo("DOWN");
        assertThat(json(health).at("/components/catalog/details/message").asString()).isEqualTo(expected);
        HttpResponse<String> kpis = get("/api/kpis", "executive");
        assertThat(kpis.statusCode()).isEqualTo(503);
        assertThat(json(kpis).get("detail").asString()).isEqualTo(expected);

        Instant first = Instant.parse("2024-04-01T02:00:00Z");
        DemoData.catalog().publish(serving, ServiceTest.served(), first);
        awaitPublishedAt(first);
        JsonNode up = json(get("/actuator/health", null));
        assertThat(up.at("/components/catalog/status").asString()).isEqualTo("UP");
        assertThat(up.at("/components/catalog/details/publishedAt").asString()).isEqualTo("2024-04-01T02:00:00Z");
        assertThat(json(get("/api/marts/mart_kpi", "analyst")).get("total").asLong()).isEqualTo(6);

        try (Connection inFlight = catalog.connect()) {
            Instant second = Instant.parse("2024-05-01T02:00:00Z");
            new FixtureCatalog().rows("mart_kpi", List.of(DemoData.row("as_of_date", "2024-05-05", "month_key", 202404, "org_unit_id", "ALL",
                    "kpi", "churn_rate", "variant", "total", "unit", "percent", "actual", "2.00", "status", "met")))
                    .publish(serving, ServiceTest.served(), second);
            awaitPublishedAt(second);
            // New requests see the new publish ...
            JsonNode kpi = json(get("/api/kpis", "executive"));
            assertThat(kpi.get("period").asInt()).isEqualTo(202404);
            assertThat(json(get("/api/marts/mart_kpi", "analyst")).get("total").asLong()).isEqualTo(1);
            // ... while the connection opened before the switch finishes on the old file.
            try (Statement s = inFlight.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM mart_kpi")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(6);
            }
        }
    }

    private void awaitPublishedAt(Instant at) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (catalog.current().map(g -> g.publishedAt().equals(at)).orElse(false)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not pick up the publish of " + at + " within 15 s");
    }

    private HttpResponse<String> get(String path, String user) {
        return ServiceTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), user);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JsonMapper.builder().build().readTree(r.body());
    }
}
