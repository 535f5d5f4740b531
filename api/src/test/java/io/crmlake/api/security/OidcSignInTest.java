package io.crmlake.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.crmlake.api.support.DemoData;
import io.crmlake.api.support.ServiceTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The production switch: the real service with the {@code oidc} profile as shipped
 * (application-oidc.yml: issuer discovery, roles from the {@code roles} claim) against a real
 * identity provider stand-in on loopback that serves the OpenID discovery document and its JWK
 * set. Tokens are signed with nimbus-jose-jwt, the library Spring Security verifies them with.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("oidc")
class OidcSignInTest {

    private static final RSAKey IDP_KEY = rsaKey("crmlake-test-key");
    /** Another key under the same key id: only the signature can tell the two apart. */
    private static final RSAKey FORGER_KEY = rsaKey("crmlake-test-key");
    private static final HttpServer IDP = identityProvider();
    private static final String ISSUER = "http://127.0.0.1:" + IDP.getAddress().getPort() + "/realms/crm";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) throws IOException {
        String serving = ServiceTest.demoServing().toString();
        registry.add("crmlake.serving", () -> serving);
        registry.add("crmlake.oidc.issuer", () -> ISSUER);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.stop(0);
    }

    @Test
    void analystTokenReadsTheMarts() {
        HttpResponse<String> r = get("/api/marts", token(IDP_KEY, ISSUER, List.of("analyst"), inMinutes(5)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).valueStream().map(t -> t.get("name").asString())).contains("dim_customer", "mart_kpi");
    }

    @Test
    void executiveTokenIsRefusedTheMartsAndSeesMaskedPersonalData() {
        String executive = token(IDP_KEY, ISSUER, List.of("executive"), inMinutes(5));
        HttpResponse<String> marts = get("/api/marts", executive);
        assertThat(marts.statusCode()).as(marts.body()).isEqualTo(403);
        assertThat(marts.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        HttpResponse<String> customer = get("/api/customers/" + DemoData.ZHANG, executive);
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(200);
        JsonNode profile = json(customer).get("profile");
        assertThat(profile.get("name").asString()).isEqualTo("张**");
        assertThat(profile.get("phone").asString()).isEqualTo("*******5678");
        assertThat(profile.get("birth_date").asString()).isEqualTo("1980");

        // The same customer with an analyst token: personal data in clear, so the mask above is the role's doing.
        JsonNode clear = json(get("/api/customers/" + DemoData.ZHANG,
                token(IDP_KEY, ISSUER, List.of("Analyst"), inMinutes(5)))).get("profile");
        assertThat(clear.get("name").asString()).isEqualTo("张三丰");
    }

    @Test
    void adminTokenIncludesTheLowerRoles() {
        String admin = token(IDP_KEY, ISSUER, List.of("admin"), inMinutes(5));
        assertThat(get("/api/marts/mart_kpi", admin).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", admin).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", token(IDP_KEY, ISSUER, List.of("analyst"), inMinutes(5))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void tokenWithoutAKnownRoleIsSignedInButMayNotReadData() {
        HttpResponse<String> r = get("/api/kpis", token(IDP_KEY, ISSUER, List.of("viewer"), inMinutes(5)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    }

    @Test
    void expiredForgedForeignOrMissingTokensAreRefused() {
        // Spring allows 60 s of clock skew, so "expired" here is ten minutes ago.
        assertUnauthorized(get("/api/marts", token(IDP_KEY, ISSUER, List.of("analyst"), inMinutes(-10))));
        assertUnauthorized(get("/api/marts", token(FORGER_KEY, ISSUER, List.of("analyst"), inMinutes(5))));
        assertUnauthorized(get("/api/marts", token(IDP_KEY, "http://127.0.0.1:1/realms/other", List.of("analyst"), inMinutes(5))));
        assertUnauthorized(get("/api/marts", null));
        assertUnauthorized(get("/api/marts", "not-a-jwt"));
        // The built-in Basic users do not exist under OIDC.
        HttpResponse<String> basic = ServiceTest.send(HttpRequest.newBuilder(URI.create(url("/api/marts"))).GET(), "analyst");
        assertUnauthorized(basic);
    }

    @Test
    void healthStaysOpen() {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(r.body()).contains("bearer token");
    }

    private HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return ServiceTest.send(request, null);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body());
    }

    private static Instant inMinutes(long minutes) {
        return Instant.now().plusSeconds(minutes * 60);
    }

    private static String token(RSAKey key, String issuer, List<String> roles, Instant expiresAt) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("someone@example.com")
                    .issueTime(Date.from(expiresAt.minusSeconds(900)))
                    .expirationTime(Date.from(expiresAt))
                    .claim("roles", roles)
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenID discovery and the JWK set (public key only), as an identity provider serves them. */
    private static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/crm";
            serve(server, "/realms/crm/.well-known/openid-configuration", """
                    {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                     "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}
                    """.formatted(base, base));
            serve(server, "/realms/crm/protocol/openid-connect/certs", new JWKSet(IDP_KEY.toPublicJWK()).toString());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
