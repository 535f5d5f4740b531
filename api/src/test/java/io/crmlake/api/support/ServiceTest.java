package io.crmlake.api.support;

import io.crmlake.api.catalog.ServedTables;
import io.crmlake.warehouse.catalog.Catalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service on a random port over a real published catalog ({@link DemoData}), published
 * once per test JVM; every test class extending this shares the one running service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    public static final Instant PUBLISHED_AT = Instant.parse("2024-04-01T02:00:00Z");
    public static final Map<String, String> PASSWORDS = Map.of(
            "executive", "executive-demo", "analyst", "analyst-demo", "admin", "admin-demo");
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path serving;

    @LocalServerPort
    protected int port;

    /** The tables the service serves: the catalog's, as in production (ServingConfiguration). */
    public static ServedTables served() {
        return ServedTables.from(Catalog.get());
    }

    public static synchronized Path demoServing() throws IOException {
        if (serving == null) {
            Path dir = Files.createTempDirectory("crmlake-api-test").resolve("serving");
            DemoData.catalog().publish(dir, served(), PUBLISHED_AT);
            serving = dir;
        }
        return serving;
    }

    @DynamicPropertySource
    static void servingFolder(DynamicPropertyRegistry registry) throws IOException {
        Path dir = demoServing();
        registry.add("crmlake.serving", dir::toString);
    }

    protected String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    protected HttpResponse<String> get(String pathAndQuery, String user) {
        return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET(), user);
    }

    protected HttpResponse<String> post(String pathAndQuery, String user) {
        return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request, String user) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORDS.getOrDefault(user, "wrong"))
                    .getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
