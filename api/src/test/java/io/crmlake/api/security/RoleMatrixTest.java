package io.crmlake.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.api.support.ServiceTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint × every caller: 401 without (or with wrong) credentials, 403 for a role too low. */
class RoleMatrixTest extends ServiceTest {

    static final String OPEN = "open";

    /** endpoint → lowest role allowed (OPEN = no sign-in needed). */
    static final Map<String, String> ENDPOINTS = Map.ofEntries(
            Map.entry("GET /api/kpis", "executive"),
            Map.entry("GET /api/catalog", "executive"),
            Map.entry("GET /api/customers/C001", "executive"),
            Map.entry("GET /api/marts", "analyst"),
            Map.entry("GET /api/marts/mart_kpi", "analyst"),
            Map.entry("GET /api/marts/mart_kpi?format=csv", "analyst"),
            Map.entry("POST /api/admin/catalog/reload", "admin"),
            Map.entry("GET /actuator/prometheus", "admin"),
            Map.entry("GET /actuator/health", OPEN),
            Map.entry("GET /v3/api-docs", OPEN),
            Map.entry("GET /", OPEN));

    static final List<String> RANK = List.of("executive", "analyst", "admin");

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, String> e : ENDPOINTS.entrySet()) {
            for (String caller : List.of("nobody", "intruder", "executive", "analyst", "admin")) {
                int expected;
                if (caller.equals("intruder")) {
                    expected = 401; // a wrong password is refused everywhere, open pages included
                } else if (e.getValue().equals(OPEN)) {
                    expected = 200;
                } else if (caller.equals("nobody")) {
                    expected = 401;
                } else {
                    expected = RANK.indexOf(caller) >= RANK.indexOf(e.getValue()) ? 200 : 403;
                }
                cases.add(Arguments.of(e.getKey(), caller, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void roleMatrix(String endpoint, String caller, int expected) {
        String[] parts = endpoint.split(" ", 2);
        // "intruder" sends credentials that are not valid.
        String user = caller.equals("nobody") ? null : caller;
        HttpResponse<String> r = parts[0].equals("POST") ? post(parts[1], user) : get(parts[1], user);
        assertThat(r.statusCode()).as(endpoint + " as " + caller + ": " + r.body()).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }
}
