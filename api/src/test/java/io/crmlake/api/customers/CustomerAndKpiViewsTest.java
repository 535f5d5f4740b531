package io.crmlake.api.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.api.support.DemoData;
import io.crmlake.api.support.ServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerAndKpiViewsTest extends ServiceTest {

    @Test
    void analystSeesTheWholeCustomer() {
        JsonNode c = json(get("/api/customers/" + DemoData.ZHANG, "analyst"));
        assertThat(c.get("profile").get("name").asString()).isEqualTo("张三丰");
        assertThat(c.get("profile").get("phone").asString()).isEqualTo("13812345678");
        assertThat(c.get("profile").get("birth_date").asString()).isEqualTo("1980-05-06");
        // The latest CLV row (2024-03-31), not the February one.
        assertThat(c.get("value").get("clv").decimalValue()).isEqualByComparingTo("1350.25");
        assertThat(c.get("currentSegments").valueStream().map(s -> s.get("scheme").asString() + "=" + s.get("segment").asString()))
                .containsExactlyInAnyOrder("value_tier=gold", "lifecycle=稳定期");
        assertThat(c.get("segmentHistory")).hasSize(3);
        assertThat(c.get("recentTransactions")).hasSize(20);
        assertThat(c.get("recentTransactions").get(0).get("txn_id").asString()).isEqualTo("T020");
        assertThat(c.get("recentTouchpoints")).hasSize(1);
        // W3 was open in the 2024-04-04 warning run but is completed in the latest one.
        assertThat(c.get("openWarnings").valueStream().map(w -> w.get("warning_id").asString())).containsExactly("W1");
    }

    @Test
    void executiveSeesPersonalDataMasked() {
        JsonNode profile = json(get("/api/customers/" + DemoData.ZHANG, "executive")).get("profile");
        assertThat(profile.get("name").asString()).isEqualTo("张**");
        assertThat(profile.get("phone").asString()).isEqualTo("*******5678");
        assertThat(profile.get("birth_date").asString()).isEqualTo("1980");
        assertThat(profile.get("city").asString()).isEqualTo("杭州");
    }

    @Test
    void customerWithoutMartsStillAnswers() {
        JsonNode c = json(get("/api/customers/C003", "analyst"));
        assertThat(c.get("profile").get("name").asString()).isEqualTo("李四");
        assertThat(c.get("currentSegments")).isEmpty();
        assertThat(c.get("openWarnings")).isEmpty();
        assertThat(c.get("recentTransactions")).isEmpty();
    }

    @Test
    void unknownCustomerIs404ProblemJson() {
        HttpResponse<String> r = get("/api/customers/" + "NOPE%27%20OR%20%271%27%3D%271", "analyst");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(r).get("detail").asString()).isEqualTo("no customer with id 'NOPE' OR '1'='1' in dim_customer");
    }

    @Test
    void kpisDefaultToTheLatestMonthCompanyWide() {
        JsonNode k = json(get("/api/kpis", "executive"));
        assertThat(k.get("period").asInt()).isEqualTo(202403);
        assertThat(k.get("orgUnit").asString()).isEqualTo("ALL");
        assertThat(k.get("periods").valueStream().map(JsonNode::asInt)).containsExactly(202403, 202402);
        assertThat(k.get("kpis").valueStream().map(r -> r.get("kpi").asString() + ":" + r.get("status").asString()))
                .containsExactly("arpu:no_target", "churn_rate:met", "repeat_purchase_rate:missed");
        assertThat(k.get("asOfDate").asString()).isEqualTo("2024-04-05");
    }

    @Test
    void kpisForAMonthAndOrgUnit() {
        JsonNode feb = json(get("/api/kpis?period=2024-02", "executive"));
        assertThat(feb.get("kpis")).hasSize(1);
        // The latest run (2024-04-05) restated February's churn: 3.40 %, not the 3.10 % of the 2024-03-05 run.
        assertThat(feb.get("kpis").get(0).get("actual").decimalValue()).isEqualByComparingTo("3.40");
        assertThat(feb.get("kpis").get(0).get("unit").asString()).isEqualTo("percent");
        JsonNode branch = json(get("/api/kpis?period=202403&org_unit=B01", "executive"));
        assertThat(branch.get("kpis")).hasSize(1);
        assertThat(branch.get("kpis").get(0).get("status").asString()).isEqualTo("met");
        HttpResponse<String> bad = get("/api/kpis?period=2024-13", "executive");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("parameter").asString()).isEqualTo("period");
    }
}
