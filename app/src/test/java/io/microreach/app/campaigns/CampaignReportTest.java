package io.microreach.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.planner.BriefReader;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.tracking.WebhookEndpoint;
import io.microreach.app.tracking.WebhookSecrets;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan → campaign → clicks on the tracking links → signed orders → published posts → report, through the app's own
 * HTTP entry points, with every expected figure worked out by hand from what the test sent.
 */
class CampaignReportTest extends SpringAppTest {
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    CampaignStarter starter;

    @Autowired
    CampaignService campaigns;

    @Autowired
    WebhookSecrets secrets;

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void data() throws Exception {
        jdbc.update("DELETE FROM campaign_order");
        jdbc.update("DELETE FROM campaign");
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(30, 4)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
    }

    private String click(String trackingUrl, String userAgent) throws Exception {
        String path = URI.create(trackingUrl).getPath();
        HttpResponse<Void> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("User-Agent", userAgent)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.example/launch?").contains("utm_medium=influencer");
        return location.replaceAll(".*[?&]mr_click=([^&#]+).*", "$1");
    }

    private void order(WebhookEndpoint endpoint, String id, String total, String code, String clickId)
            throws Exception {
        String body = "{\"orderId\":\"" + id + "\",\"createdAt\":\"" + Instant.now() + "\",\"total\":" + total
                + ",\"currency\":\"EUR\"" + (code == null ? "" : ",\"promoCode\":\"" + code + "\"")
                + (clickId == null ? "" : ",\"clickId\":\"" + clickId + "\"") + "}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(endpoint.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + URI.create(endpoint.ordersUrl()).getPath()))
                        .header("Content-Type", "application/json")
                        .header("X-Microreach-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    @Test
    void theReportAddsUpClicksOrdersAndPostsPerCreatorAndInAll() throws Exception {
        Campaign c = starter.fromPlan(
                BriefReader.read("budget: 3000\ncurrency: EUR\nconstraints:\n  maxCreators: 3\n"
                        + "  minEvidence: {trustScore: false, posts: 0}\n"),
                new CampaignSettings(
                        "Report",
                        "https://shop.example/launch",
                        "#ReportLaunch",
                        List.of("acme"),
                        LocalDate.now().minusDays(3),
                        LocalDate.now().plusDays(20),
                        null,
                        null,
                        null));
        assertThat(c.creators()).hasSizeGreaterThanOrEqualTo(2);
        CampaignCreator first = c.creators().get(0);
        CampaignCreator second = c.creators().get(1);

        // Three people click the first creator's link; a link preview and a HEAD request do not count.
        String click1 = click(first.trackingUrl(), PHONE);
        click(first.trackingUrl(), PHONE + " second");
        click(first.trackingUrl(), PHONE + " third");
        click(first.trackingUrl(), "facebookexternalhit/1.1");
        HttpResponse<Void> head = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + URI.create(first.trackingUrl()).getPath()))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(302);

        WebhookEndpoint endpoint = secrets.current();
        order(endpoint, "o-1", "40.00", null, click1); // the first creator's click
        order(endpoint, "o-2", "60.00", second.promoCode().toLowerCase(), click1); // the second's code wins
        order(endpoint, "o-2", "60.00", second.promoCode(), click1); // a retry changes nothing
        order(endpoint, "o-3", "25.00", null, null); // nobody's

        // The first creator's deliverable is published: its post is one of the account's stored posts.
        CampaignDeliverable d = first.deliverables().get(0);
        Map<String, Object> post = jdbc.queryForMap(
                "SELECT platform_id, coalesce(likes, 0) + coalesce(comments, 0) + coalesce(shares, 0)"
                        + " + coalesce(saves, 0) AS engagements, views FROM post WHERE account_id = ? ORDER BY id"
                        + " LIMIT 1",
                first.accountId());
        campaigns.linkPost(c.id(), d.id(), (String) post.get("platform_id"));
        for (String s : List.of("accepted", "submitted", "approved", "published")) {
            campaigns.move(c.id(), d.id(), s, null);
        }

        HttpResponse<String> answer = new WebClient(port).get("/api/campaigns/" + c.id() + "/report");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode r = json.readTree(answer.body());
        BigDecimal spend = c.spend();
        assertThat(r.get("spend").decimalValue()).isEqualByComparingTo(spend);
        assertThat(r.get("clicks").asLong()).isEqualTo(3);
        assertThat(r.get("uniqueClicks").asLong()).isEqualTo(3);
        assertThat(r.get("screened").asLong())
                .as("the preview and the HEAD request")
                .isEqualTo(2);
        assertThat(r.get("conversions").asLong()).isEqualTo(2);
        assertThat(r.get("revenue").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(r.get("roas").asDouble())
                .isCloseTo(100.0 / spend.doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.get("roi").asDouble())
                .isCloseTo(
                        (100.0 - spend.doubleValue()) / spend.doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.get("cpc").asDouble())
                .isCloseTo(spend.doubleValue() / 3, org.assertj.core.data.Offset.offset(1e-9));
        long engagements = ((Number) post.get("engagements")).longValue();
        assertThat(r.get("engagements").asLong()).isEqualTo(engagements);
        assertThat(r.get("impressionsEstimated").asBoolean()).isEqualTo(post.get("views") == null);

        JsonNode one = r.get("creators").get(0);
        JsonNode two = r.get("creators").get(1);
        assertThat(one.get("handle").asString()).isEqualTo(first.handle());
        assertThat(one.get("clicks").asLong()).isEqualTo(3);
        assertThat(one.get("conversions").asLong()).isEqualTo(1);
        assertThat(one.get("revenue").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(one.get("engagements").asLong()).isEqualTo(engagements);
        assertThat(one.get("forecast").get("engagements").get("p50").asDouble()).isPositive();
        assertThat(one.has("insideForecast")).isTrue();
        assertThat(one.get("insideForecast").isBoolean())
                .as("its only deliverable is published")
                .isTrue();
        assertThat(two.get("conversions").asLong()).isEqualTo(1);
        assertThat(two.get("revenue").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(two.get("insideForecast").isNull())
                .as("nothing published yet")
                .isTrue();
        assertThat(r.get("insideForecast").isNull()).isTrue();
        assertThat(r.get("leaks")).isEmpty();
        assertThat(r.get("disclosureIssues"))
                .as("a generated post carries neither the campaign hashtag nor the brand mention")
                .hasSize(1);
        assertThat(r.get("disclosureIssues").get(0).get("missing").toString())
                .contains("ReportLaunch")
                .contains("acme");
        assertThat(r.get("smallVsBig").get("answer").asString()).isNotBlank();
        assertThat(r.get("perDay")).isNotEmpty();

        HttpResponse<String> csv = new WebClient(port).get("/api/campaigns/" + c.id() + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(1 + c.creators().size() + 1);
        assertThat(csv.body()).contains("(campaign)").contains(first.handle());

        String board = new WebClient(port).get("/campaigns/" + c.id()).body();
        assertThat(board)
                .contains("id=\"kpi-clicks\"")
                .contains("data-campaign-chart")
                .contains("ReportLaunch");
    }
}
