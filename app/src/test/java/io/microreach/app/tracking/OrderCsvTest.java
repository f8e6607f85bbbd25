package io.microreach.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.WebClient;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrderCsvTest extends SpringAppTest {
    @Autowired
    TrackingLinks links;

    private final JsonMapper json = JsonMapper.builder().build();
    private WebClient web;
    private long anna;

    static final String CSV = "order_id,created_at,total,currency,promo_code,click_id,customer_note\n"
            + "c1,2026-12-01T10:00:00Z,19.90,EUR,anna15,,\"likes it, a lot\"\n"
            + "c2,2026-12-01T11:00:00Z,-5,EUR,,,\n"
            + "c3,2026-12-01,5.00,usd,,,\n"
            + "c4,someday,5.00,EUR,,,\n"
            + "\"c5\",2026-12-02T09:30:00+01:00,\"1,5\",EUR,,,\n"
            + ",2026-12-02T09:30:00Z,1,EUR,,,\n"
            + "c7,2026-12-02T09:30:00Z,7,EU,,,\n";

    @org.springframework.beans.factory.annotation.Autowired
    TrackingStats stats;

    private long campaignId;

    @BeforeEach
    void campaign() {
        TrackingFixture.clear(jdbc, links);
        long ws = TrackingFixture.workspace(jdbc, TestIdentity.WORKSPACE);
        long c = TrackingFixture.campaign(jdbc, ws, "Spring Run", "https://shop.example.com/", 7);
        campaignId = c;
        anna = TrackingFixture.creator(jdbc, ws, c, "instagram", "anna.runs", "annaLink1", "ANNA15");
        web = new WebClient(port);
    }

    private HttpResponse<String> upload(String csv) {
        return web.send(web.request("/api/orders.csv")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build());
    }

    @Test
    void badLinesAreNamedGoodOnesStoredAndAReuploadChangesNothing() {
        HttpResponse<String> r = upload(CSV);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode s = json.readTree(r.body());
        assertThat(s.get("stored").asLong()).isEqualTo(2);
        assertThat(s.get("rejected").asLong()).isEqualTo(5);
        assertThat(s.get("errors").toString())
                .contains("{\"line\":3,\"field\":\"total\",\"reason\":\"must be a decimal number ≥ 0, got -5\"}")
                .contains("\"line\":5,\"field\":\"created_at\"")
                .contains("\"line\":6,\"field\":\"total\"")
                .contains("\"line\":7,\"field\":\"order_id\"")
                .contains("\"line\":8,\"field\":\"currency\"");
        assertThat(jdbc.queryForMap("SELECT * FROM campaign_order WHERE order_id = 'c1'"))
                .containsEntry("campaign_creator_id", anna)
                .containsEntry("source", "csv");
        assertThat((BigDecimal)
                        jdbc.queryForObject("SELECT total FROM campaign_order WHERE order_id = 'c3'", BigDecimal.class))
                .isEqualByComparingTo("5.00");

        JsonNode again = json.readTree(upload(CSV).body());
        assertThat(again.get("stored").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_order", Long.class))
                .isEqualTo(2);
    }

    @Test
    void aMultipartUploadWorksAndAFileWithoutTheColumnsIsRefused() {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"o.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + CSV + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = web.send(web.request("/api/orders.csv")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("stored").asLong()).isEqualTo(2);

        HttpResponse<String> noHeader = upload("c1,2026-12-01T10:00:00Z,19.90,EUR\n");
        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noHeader.body()).get("field").asString()).isEqualTo("header");
        assertThat(json.readTree(noHeader.body()).get("detail").asString()).contains("order_id");
    }

    @Test
    void aViewerCannotUpload() {
        if (users.find("viewer@csv.test").isEmpty()) {
            users.add("viewer@csv.test", null, false, "test");
        }
        users.join(
                "viewer@csv.test",
                workspaces.require(TestIdentity.WORKSPACE),
                io.microreach.app.users.Role.VIEWER,
                "test");
        String token = apiTokens
                .create(
                        "viewer@csv.test",
                        TestIdentity.WORKSPACE,
                        io.microreach.app.users.TokenScope.READ,
                        "csv",
                        "test")
                .token();
        WebClient viewer = WebClient.withToken(port, token);
        HttpResponse<String> r = viewer.send(viewer.request("/api/orders.csv")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(CSV))
                .build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_order", Long.class))
                .isZero();
    }

    @Test
    void revenueIsInTheCampaignsCurrencyAndAnOrderWithoutARateAddsNone() {
        // 10 EUR, 10.71 USD (10.0047 EUR at the shipped rate of 1.0705 USD per EUR), 99 in a currency without one.
        HttpResponse<String> r = upload("order_id,created_at,total,currency,promo_code\n"
                + "fx1,2026-12-01T10:00:00Z,10.00,EUR,ANNA15\n"
                + "fx2,2026-12-01T11:00:00Z,10.71,USD,ANNA15\n"
                + "fx3,2026-12-01T12:00:00Z,99,XYZ,ANNA15\n");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        CreatorTracking t = stats.forCampaign(campaignId, "EUR").creators().get(0);
        assertThat(t.conversions()).isEqualTo(3);
        assertThat(t.revenue()).isEqualByComparingTo("20.00");
        CreatorTracking inUsd = stats.forCampaign(campaignId, "USD").creators().get(0);
        assertThat(inUsd.revenue()).as("10 × 1.0705 + 10.71, to the cent").isEqualByComparingTo("21.42");
    }
}
