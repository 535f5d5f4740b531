package io.crmlake.api.marts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmlake.api.support.DemoData;
import io.crmlake.api.support.ServiceTest;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class MartsApiTest extends ServiceTest {

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void listsEveryServedTableWithColumnsTypesAndCommentsFromTheCatalog() {
        JsonNode marts = json(get("/api/marts", "analyst"));
        JsonNode dimCustomer = find(marts, "dim_customer");
        assertThat(dimCustomer.get("layer").asString()).isEqualTo("gold");
        assertThat(dimCustomer.get("published").asBoolean()).isTrue();
        assertThat(dimCustomer.get("rows").asLong()).isEqualTo(3);
        JsonNode name = find(dimCustomer.get("columns"), "name");
        assertThat(name.get("type").asString()).isEqualTo("string");
        assertThat(name.get("comment").asString()).isEqualTo("Full name (personal data)");
        assertThat(name.get("personal").asBoolean()).isTrue();
        assertThat(find(marts, "mart_kpi").get("rows").asLong()).isEqualTo(6);
        assertThat(find(marts, "ops_batch_log").get("layer").asString()).isEqualTo("ops");
        assertThat(marts.valueStream().map(t -> t.get("name").asString())).noneMatch(n -> n.startsWith("bronze_"));
    }

    @Test
    void filtersOnEqualityRangesAndInLists() {
        assertThat(total("/api/marts/mart_kpi?kpi=churn_rate")).isEqualTo(4);
        assertThat(total("/api/marts/mart_kpi?kpi=churn_rate&as_of_date=2024-04-05")).isEqualTo(3);
        // churn 2.10 % (ALL) and 1.00 % (B01) in 2024-03 are under 5 %; 3.40 % is February.
        assertThat(total("/api/marts/mart_kpi?month_key.gte=202403&actual.lt=5")).isEqualTo(2);
        assertThat(total("/api/marts/mart_kpi?kpi.in=churn_rate,arpu&month_key=202403&org_unit_id=ALL")).isEqualTo(2);
        assertThat(total("/api/marts/mart_customer_value?clv.gte=1000.00")).isEqualTo(2);
        assertThat(total("/api/marts/mart_customer_value?as_of_date=2024-03-31&clv_decile.ne=10")).isEqualTo(2);
        assertThat(total("/api/marts/dim_customer?is_current=true&name=" + q("张三丰"))).isEqualTo(1);
        assertThat(total("/api/marts/fact_transaction?txn_ts.lt=" + q("2024-02-01T00:00:00+08:00"))).isEqualTo(8);
    }

    @Test
    void sortsAndPagesStably() {
        JsonNode page = json(get("/api/marts/fact_transaction?customer_id=C001&sort=-txn_ts&size=5&page=1", "analyst"));
        assertThat(page.get("total").asLong()).isEqualTo(22);
        assertThat(page.get("rows").valueStream().map(r -> r.get("txn_id").asString()))
                .containsExactly("T005", "T002", "T022", "T019", "T016");
        assertThat(page.get("rows").get(0).get("txn_ts").asString()).isEqualTo("2024-03-05T02:00:00Z");
    }

    @Test
    void totalIsRightWhetherThePageTellsItOrACountIsNeeded() {
        // C001 has 22 transactions (DemoData). A short page is the last one and tells the total itself;
        // a full page and an empty page past the end ask DuckDB for a count.
        String c001 = "/api/marts/fact_transaction?customer_id=C001&sort=-txn_ts";
        assertPage(c001 + "&size=5&page=4", 2, 22);
        assertPage(c001 + "&size=100", 22, 22);
        assertPage(c001 + "&size=11&page=1", 11, 22);
        assertPage(c001 + "&size=5&page=9", 0, 22);
        assertPage("/api/marts/fact_transaction?customer_id=NOBODY", 0, 0);
        assertPage("/api/marts/fact_transaction?customer_id=NOBODY&page=3", 0, 0);
    }

    private void assertPage(String pathAndQuery, int rows, long total) {
        HttpResponse<String> response = get(pathAndQuery, "analyst");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("rows").size()).as(pathAndQuery).isEqualTo(rows);
        assertThat(page.get("total").asLong()).as(pathAndQuery).isEqualTo(total);
    }

    @Test
    void exportsCsvWithHeaderAndQuotesHostileText() throws Exception {
        HttpResponse<String> csv = get("/api/marts/dim_customer?format=csv&sort=customer_id", "analyst");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("dim_customer.csv");
        assertThat(csv.body()).startsWith("\uFEFFcustomer_sk,customer_id,");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(1).get("name")).isEqualTo(DemoData.HOSTILE_NAME);
        assertThat(records.get(0).get("birth_date")).isEqualTo("1980-05-06");
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                Arguments.of("/api/marts/mart_kpi?month_key=abc", "month_key"),
                Arguments.of("/api/marts/mart_kpi?month_key=99999999999999999999", "month_key"),
                Arguments.of("/api/marts/mart_kpi?month_key=" + q("1; DROP TABLE mart_kpi"), "month_key"),
                Arguments.of("/api/marts/mart_kpi?actual.gt=1e999", "actual.gt"),
                Arguments.of("/api/marts/mart_kpi?actual.gt=NaN", "actual.gt"),
                Arguments.of("/api/marts/mart_kpi?actual.gt=0x1p3", "actual.gt"),
                // decimal(18,2): too large, and more decimals than the column has (clv is a double now)
                Arguments.of("/api/marts/mart_customer_value?historical_revenue.gte=1e40", "historical_revenue.gte"),
                Arguments.of("/api/marts/mart_customer_value?historical_revenue.gte=1.001", "historical_revenue.gte"),
                Arguments.of("/api/marts/mart_customer_value?as_of_date=2024-13-45", "as_of_date"),
                Arguments.of("/api/marts/dim_customer?is_current=yes", "is_current"),
                Arguments.of("/api/marts/fact_transaction?txn_ts.gt=yesterday", "txn_ts.gt"),
                Arguments.of("/api/marts/mart_kpi?no_such_column=1", "no_such_column"),
                Arguments.of("/api/marts/mart_kpi?" + q("kpi\" OR 1=1 --") + "=x", "kpi\" OR 1=1 --"),
                Arguments.of("/api/marts/mart_kpi?kpi.like=x", "kpi.like"),
                Arguments.of("/api/marts/mart_kpi?sort=" + q("kpi;DROP TABLE mart_kpi"), "sort"),
                Arguments.of("/api/marts/mart_kpi?sort=" + q("\"kpi\""), "sort"),
                Arguments.of("/api/marts/mart_kpi?size=0", "size"),
                Arguments.of("/api/marts/mart_kpi?size=100000", "size"),
                Arguments.of("/api/marts/mart_kpi?page=-1", "page"),
                Arguments.of("/api/marts/mart_kpi?page=99999999999999999999", "page"),
                Arguments.of("/api/marts/mart_kpi?format=xml", "format"),
                Arguments.of("/api/marts/mart_kpi?kpi=a&kpi=b", "kpi"),
                Arguments.of("/api/marts/mart_kpi?kpi=%00", "kpi"),
                Arguments.of("/api/marts/mart_kpi?kpi=" + "x".repeat(5000), "kpi"),
                Arguments.of("/api/marts/mart_kpi?month_key.in=1,2,three", "month_key.in"));
    }

    @ParameterizedTest
    @MethodSource("hostileInputs")
    void rejectsBadParametersWithProblemJsonNamingTheField(String pathAndQuery, String parameter) {
        HttpResponse<String> response = get(pathAndQuery, "analyst");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).startsWith(parameter.length() > 60 ? "" : parameter);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
    }

    @Test
    void injectionAttemptsInValuesAreJustValues() {
        assertThat(total("/api/marts/dim_customer?customer_id=" + q("' OR 1=1 --"))).isZero();
        assertThat(total("/api/marts/dim_customer?name=" + q(DemoData.HOSTILE_NAME))).isEqualTo(1);
        assertThat(total("/api/marts/dim_customer?name.in=" + q("x'),('y"))).isZero();
        assertThat(total("/api/marts/dim_customer")).isEqualTo(3);
    }

    @Test
    void unknownOrUnservedTablesAre404() {
        for (String name : List.of("no_such_mart", "bronze_customers", q("mart_kpi\" OR \"1\"=\"1"), q("名字"))) {
            HttpResponse<String> response = get("/api/marts/" + name, "analyst");
            assertThat(response.statusCode()).as(name).isEqualTo(404);
            assertThat(json(response).get("detail").asString()).contains("GET /api/marts lists them");
        }
        // A semicolon in the path is refused by Spring Security's firewall before any controller.
        assertThat(get("/api/marts/" + q("mart_kpi;DROP TABLE x"), "analyst").statusCode()).isEqualTo(400);
    }

    private long total(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery, "analyst");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("total").asLong();
    }

    private static JsonNode find(JsonNode array, String name) {
        return array.valueStream().filter(n -> n.get("name").asString().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no " + name + " in " + array));
    }
}
