package io.crmlake.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.api.support.ServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The rendering endpoint, the schedules and the archive on the real service over the published
 * fixture catalog (DemoData: March 2024 KPIs for ALL, churn 2.10 % against ≤ 3.0).
 */
class ReportsApiTest extends ServiceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ReportService service;

    HttpResponse<byte[]> bytes(String method, String pathAndQuery, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + PASSWORDS.get(user)).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void rendersTheMonthlyPackAsAPdfWithTheMartsNumbers() throws Exception {
        HttpResponse<byte[]> zh = bytes("POST", "/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL&locale=zh-CN", "executive");
        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(zh.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"monthly-pack_2024-03_ALL_zh-CN.pdf\"");
        String text = PdfText.of(zh.body());
        // mart_kpi for 202403 / ALL (DemoData): churn_rate actual 2.10, target <= 3.0.
        assertThat(text).contains("客户关系月度报告", "2024年3月", "2.1");

        HttpResponse<byte[]> en = bytes("POST", "/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL&locale=en", "analyst");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(PdfText.of(en.body())).contains("MonthlyCRMpack", "March2024", "2.1");
    }

    @Test
    void badParametersAre400NamingTheFieldAndUnknownReportsAre404() throws Exception {
        assertBadParameter("/api/reports/monthly-pack/render?period=2024-13&org_unit=ALL", "period");
        assertBadParameter("/api/reports/monthly-pack/render?period=March&org_unit=ALL", "period");
        assertBadParameter("/api/reports/monthly-pack/render?period=2024-03&org_unit=O99", "org_unit");
        assertBadParameter("/api/reports/monthly-pack/render?period=2024-03", "org_unit");
        assertBadParameter("/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL&locale=fr", "locale");
        assertBadParameter("/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL&locale=zh-TW", "locale");
        assertBadParameter("/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL&colour=red", "colour");
        assertBadParameter("/api/reports/customer-one-pager/render?customer_id=C999", "customer_id");

        HttpResponse<String> unknown = post("/api/reports/annual-report/render?period=2024-03", "executive");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(unknown).path("detail").asString()).contains("unknown report 'annual-report'", "monthly-pack");
    }

    private void assertBadParameter(String path, String parameter) {
        HttpResponse<String> r = post(path, "executive");
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.path("parameter").asString()).as(path).isEqualTo(parameter);
        assertThat(p.path("detail").asString()).startsWith(parameter + ":");
    }

    @Test
    void signInIsNeededAndOnlyAdminsRunSchedules() {
        assertThat(post("/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/reports/archive", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/reports/schedules/latest-pack/run", "executive").statusCode()).isEqualTo(403);
        assertThat(post("/api/reports/schedules/latest-pack/run", "analyst").statusCode()).isEqualTo(403);
        assertThat(post("/api/reports/schedules/no-such/run", "admin").statusCode()).isEqualTo(404);
        assertThat(json(get("/api/reports/schedules", "executive")).path("canRun").asBoolean()).isFalse();
        assertThat(json(get("/api/reports/schedules", "admin")).path("canRun").asBoolean()).isTrue();
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndFreesUpAgain() throws Exception {
        RenderGate gate = service.gate();
        List<RenderGate.Ticket> held = new ArrayList<>();
        try {
            while (gate.inUse() < gate.capacity()) {
                held.add(gate.enter());
            }
            HttpResponse<String> busy = post("/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL", "executive");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(json(busy).path("detail").asString()).contains("busy", "10 renders running or waiting");
        } finally {
            held.forEach(RenderGate.Ticket::close);
        }
        assertThat(bytes("POST", "/api/reports/monthly-pack/render?period=2024-03&org_unit=ALL", "executive").statusCode())
                .isEqualTo(200);
    }

    @Test
    void schedulesListTheirNextFireTimeInTheBusinessZone() {
        JsonNode schedules = json(get("/api/reports/schedules", "executive")).path("schedules");
        JsonNode pack = find(schedules, "monthly-pack");
        // "0 0 6 1 * *" in Asia/Shanghai: the 1st of a month at 06:00 +08:00.
        assertThat(pack.path("nextFireTime").asString()).matches("\\d{4}-\\d{2}-01T06:00:00\\+08:00.*");
        assertThat(pack.path("locale").toString()).isEqualTo("[\"zh-CN\",\"en\"]");
        assertThat(find(schedules, "worklist-all").path("nextFireTime").asString()).matches("\\d{4}-\\d{2}-\\d{2}T07:00:00\\+08:00.*");
        assertThat(find(schedules, "latest-pack").path("nextFireTime").isNull()).isTrue();
    }

    @Test
    void runningAScheduleArchivesOnePdfPerLocaleWithItsDataVersionAndChecksum() throws Exception {
        HttpResponse<String> run = post("/api/reports/schedules/latest-pack/run", "admin");
        assertThat(run.statusCode()).isEqualTo(200);
        JsonNode outcome = json(run);
        assertThat(outcome.path("status").asString()).isEqualTo("ok");
        assertThat(outcome.path("archiveIds")).hasSize(2);

        // latest-month = the latest month of the latest KPI run in DemoData: 202403.
        JsonNode listed = json(get("/api/reports/archive?report=monthly-pack&period=2024-03", "executive"));
        List<String> ids = new ArrayList<>();
        outcome.path("archiveIds").forEach(id -> ids.add(id.asString()));
        for (String id : ids) {
            JsonNode entry = find(listed, id);
            assertThat(entry.path("status").asString()).isEqualTo("ok");
            assertThat(entry.path("schedule").asString()).isEqualTo("latest-pack");
            assertThat(entry.path("parameters").path("period").asString()).isEqualTo("2024-03");
            assertThat(entry.path("parameters").path("org_unit").asString()).isEqualTo("ALL");
            assertThat(entry.path("dataVersion").path("publishedAt").asString()).isEqualTo("2024-04-01T02:00:00Z");
            assertThat(entry.path("dataVersion").path("deltaVersions").path("mart_kpi").asLong()).isEqualTo(1);

            HttpResponse<byte[]> pdf = bytes("GET", "/api/reports/archive/" + id, "executive");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body().length).isEqualTo(entry.path("sizeBytes").asLong());
            assertThat(ReportArchive.sha256(pdf.body())).isEqualTo(entry.path("sha256").asString());
            assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("monthly-pack_2024-03_ALL_" + entry.path("locale").asString() + ".pdf");
        }
        assertThat(ids.stream().map(id -> find(listed, id).path("locale").asString())).containsExactly("zh-CN", "en");
        JsonNode pack = find(json(get("/api/reports/schedules", "admin")).path("schedules"), "latest-pack");
        assertThat(pack.path("lastOutcome").path("status").asString()).isEqualTo("ok");

        assertThat(json(get("/api/reports/archive?period=1999-01", "executive"))).isEmpty();
        assertThat(get("/api/reports/archive?period=2024-3", "executive").statusCode()).isEqualTo(400);
    }

    @Test
    void hostileArchiveIdsNeverReachAFileOutsideTheArchive() throws Exception {
        List<String> hostile = List.of("..%2F..%2Fserving%2Fcrmlake.duckdb", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                "..", "%2e%2e", "abc%00def", "abc%2500def", "%00", "C:%5Cwindows", "UPPER-case", "a".repeat(200),
                "20240101-000000-x%0A", "..%5C..%5Cserving");
        for (String id : hostile) {
            HttpResponse<byte[]> r = bytes("GET", "/api/reports/archive/" + id, "executive");
            assertThat(r.statusCode()).as(id).isIn(400, 404);
            String start = new String(r.body(), 0, Math.min(16, r.body().length), StandardCharsets.ISO_8859_1);
            assertThat(start).as(id).doesNotStartWith("%PDF").doesNotContain("root:").doesNotContain("DUCK");
        }
        assertThat(bytes("GET", "/api/reports/archive/20240101-000000-monthly-pack-en-deadbeef", "executive").statusCode())
                .isEqualTo(404);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.path("id").asString())) {
                return n;
            }
        }
        throw new AssertionError("no entry " + id + " in " + array);
    }
}
