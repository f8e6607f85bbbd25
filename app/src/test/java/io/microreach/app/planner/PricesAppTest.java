package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.ScoredData;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.search.IndexProgress;
import io.microreach.app.search.SearchIndex;
import io.microreach.app.shortlists.Shortlist;
import io.microreach.app.shortlists.ShortlistService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One price everywhere: the same account has the same price, range and basis in the search API (Discover), the
 * account's price API (creator page), the shortlist's price API and a plan; a rate card changes all of them at once;
 * other currencies convert at the stated rate and say so; a platform is only priced for the formats it has.
 */
class PricesAppTest extends SpringAppTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    SearchIndex index;

    @Autowired
    ShortlistService shortlists;

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        emptyPublicTables();
        jdbc.update("DELETE FROM shortlist");
        ScoredData.load(importer, scorer, dir, 60, 5);
        index.rebuild(IndexProgress.NONE);
    }

    private record Account(long id, String platform, String handle) {
        String creatorId() {
            return platform + ":" + handle.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Account scored(String platform) {
        return jdbc.queryForObject(
                "SELECT a.id, a.platform, a.handle FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE a.platform = ? AND s.engagement_rate IS NOT NULL AND (SELECT count(*) FROM account b"
                        + " WHERE b.platform = a.platform AND lower(b.handle) = lower(a.handle)) = 1"
                        + " ORDER BY a.followers DESC LIMIT 1",
                (rs, i) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3)),
                platform);
    }

    @Test
    void oneAccountHasOnePriceInSearchCreatorShortlistAndPlan() throws Exception {
        for (String platform : new String[] {"instagram", "youtube"}) {
            Account a = scored(platform);
            JsonNode search = searchHit(a);
            JsonNode creator = json(get("/api/accounts/" + a.platform() + "/" + a.handle() + "/price"))
                    .get("main");
            Shortlist list = shortlists.create("Prices " + platform);
            shortlists.add(list.id(), a.id());
            JsonNode listed =
                    json(get("/api/shortlists/" + list.id() + "/prices")).get(0);
            JsonNode planned = plannedCreator(a, "USD");

            // The creator API is the reference: estimated, a range, in the display currency, for the main format.
            JsonNode price = creator.get("price");
            assertThat(price.get("estimated").asBoolean()).isTrue();
            assertThat(price.get("low").asDouble()).isLessThan(price.get("high").asDouble());
            assertThat(price.get("currency").asText()).isEqualTo("USD");
            assertThat(creator.get("deliverables").get(0).asText())
                    .isEqualTo(platform.equals("youtube") ? "video" : "post");
            assertThat(price.get("source").asText()).startsWith("estimate from followers and engagement");

            assertThat(search.get("price").get("low").asDouble())
                    .isEqualTo(price.get("low").asDouble());
            assertThat(search.get("price").get("high").asDouble())
                    .isEqualTo(price.get("high").asDouble());
            assertThat(search.get("price").get("basis").asText())
                    .contains(price.get("source").asText());
            assertThat(listed.get("price")).isEqualTo(price);
            assertThat(planned.get("price")).isEqualTo(price);
            assertThat(planned.get("cost").asDouble())
                    .isCloseTo((price.get("low").asDouble() + price.get("high").asDouble()) / 2, within(1e-6));
        }
    }

    @Test
    void aRateCardInEurosIsThePriceEverywhereConvertedWithItsRateAndDay() throws Exception {
        Account a = scored("youtube");
        HttpResponse<String> put = put(
                "/api/accounts/youtube/" + a.handle() + "/rate-card",
                "{\"deliverable\": \"video\", \"amount\": 500, \"currency\": \"EUR\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        // 500 EUR at the shipped ECB rate of 2024-06-28 (1 EUR = 1.0705 USD).
        JsonNode hit = searchHit(a).get("price");
        assertThat(hit.get("low").asDouble()).isEqualTo(535.25);
        assertThat(hit.get("high").asDouble()).isEqualTo(535.25);
        assertThat(hit.get("converted").asBoolean()).isTrue();
        assertThat(hit.get("basis").asText())
                .startsWith("Video: rate card, entered ")
                .endsWith("converted from EUR at 1.0705 on 2024-06-28");
        JsonNode creator = json(get("/api/accounts/youtube/" + a.handle() + "/price"))
                .get("main")
                .get("price");
        assertThat(creator.get("low").asDouble()).isEqualTo(535.25);
        assertThat(creator.get("estimated").asBoolean()).isFalse();
        assertThat(creator.get("conversion").get("rate").asDouble()).isEqualTo(1.0705);

        // A plan in euros uses the card as it is, with no conversion; one in pounds converts through the euro.
        JsonNode inEuros = plannedCreator(a, "EUR").get("price");
        assertThat(inEuros.get("low").asDouble()).isEqualTo(500.0);
        assertThat(inEuros.get("conversion").isNull()).isTrue();
        JsonNode inPounds = plannedCreator(a, "GBP").get("price");
        assertThat(inPounds.get("low").asDouble()).isEqualTo(423.19);
        assertThat(inPounds.get("currency").asText()).isEqualTo("GBP");

        // A negotiated price of the same day beats the rate card; one that starts in the future does not count yet.
        put(
                "/api/accounts/youtube/" + a.handle() + "/rate-card",
                "{\"deliverable\": \"video\", \"amount\": 400, \"currency\": \"EUR\", \"kind\": \"negotiated\"}");
        put(
                "/api/accounts/youtube/" + a.handle() + "/rate-card",
                "{\"deliverable\": \"video\", \"amount\": 900, \"currency\": \"EUR\", \"validFrom\": \"2999-01-01\"}");
        JsonNode now = plannedCreator(a, "EUR").get("price");
        assertThat(now.get("low").asDouble()).isEqualTo(400.0);
        assertThat(now.get("source").asText()).startsWith("negotiated price");
        assertThat(searchHit(a).get("price").get("low").asDouble()).isEqualTo(428.2);
    }

    @Test
    void platformsArePricedOnlyForTheFormatsTheyHave() throws Exception {
        Account yt = scored("youtube");
        HttpResponse<String> reel = put(
                "/api/accounts/youtube/" + yt.handle() + "/rate-card",
                "{\"deliverable\": \"reel\", \"amount\": 100, \"currency\": \"USD\"}");
        assertThat(reel.statusCode()).isEqualTo(400);
        assertThat(json(reel).get("field").asText()).isEqualTo("deliverable");
        assertThat(json(reel).get("detail").asText())
                .isEqualTo("deliverable: youtube has no reel; it has video, short");

        HttpResponse<String> brief =
                post("/api/plans", "{\"budget\": 3000, \"platforms\": [\"youtube\"], \"deliverables\": [\"reel\"]}");
        assertThat(brief.statusCode()).isEqualTo(400);
        assertThat(json(brief).get("field").asText()).isEqualTo("deliverables");

        JsonNode every =
                json(get("/api/accounts/youtube/" + yt.handle() + "/price")).get("deliverables");
        assertThat(every).hasSize(2);
        assertThat(every.get(0).get("deliverables").get(0).asText()).isEqualTo("video");
        assertThat(every.get(1).get("deliverables").get(0).asText()).isEqualTo("short");
    }

    @Test
    void badRateCardsAndCurrenciesNameTheField() throws Exception {
        Account ig = scored("instagram");
        String path = "/api/accounts/instagram/" + ig.handle() + "/rate-card";
        assertThat(json(put(path, "{\"deliverable\": \"post\", \"amount\": -1, \"currency\": \"EUR\"}"))
                        .get("field")
                        .asText())
                .isEqualTo("amount");
        assertThat(json(put(path, "{\"deliverable\": \"post\", \"amount\": 10, \"currency\": \"XYZ\"}"))
                        .get("field")
                        .asText())
                .isEqualTo("currency");
        assertThat(json(put(
                                path,
                                "{\"deliverable\": \"post\", \"amount\": 10, \"currency\": \"EUR\","
                                        + " \"validFrom\": \"soon\"}"))
                        .get("field")
                        .asText())
                .isEqualTo("validFrom");
        HttpResponse<String> plan = post("/api/plans", "{\"budget\": 3000, \"currency\": \"JPY\"}");
        assertThat(plan.statusCode()).isEqualTo(400);
        assertThat(json(plan).get("field").asText()).isEqualTo("currency");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM negotiated_price", Long.class))
                .isZero();
    }

    @Test
    void hostileAmountsAreRefusedWithA400NamingTheFieldAndNeverStoredRounded() throws Exception {
        Account ig = scored("instagram");
        String path = "/api/accounts/instagram/" + ig.handle() + "/rate-card";
        for (String amount : new String[] {
            "\"1E+1000000000\"",
            "1E+1000000000",
            "1e308",
            "\"1e308\"",
            "0.001",
            "\"0.001\"",
            "0",
            "\"NaN\"",
            "\"Infinity\"",
            "10000000.01",
            "\"1,5\"",
            "-0.5",
            "\"\"",
            "true"
        }) {
            for (String kind : new String[] {"rate_card", "negotiated"}) {
                HttpResponse<String> r = put(
                        path,
                        "{\"deliverable\": \"post\", \"amount\": " + amount + ", \"currency\": \"EUR\", \"kind\": \""
                                + kind + "\"}");
                assertThat(r.statusCode()).as(amount + " " + r.body()).isEqualTo(400);
                assertThat(json(r).get("field").asText()).as(amount).isEqualTo("amount");
            }
        }
        HttpResponse<String> plan = post("/api/plans", "{\"budget\": 1e308}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(400);
        assertThat(json(plan).get("field").asText()).isEqualTo("budget");
        HttpResponse<String> rates =
                post("/api/plans", "{\"budget\": 100, \"brandRates\": {\"averageOrderValue\": 1e308}}");
        assertThat(rates.statusCode()).as(rates.body()).isEqualTo(400);
        for (String amount : new String[] {"1e308", "1E%2B1000000000", "0.001", "0"}) {
            HttpResponse<String> form =
                    form("/creators/" + ig.id() + "/prices", "deliverable=post&amount=" + amount + "&currency=EUR");
            assertThat(form.statusCode()).as(amount).isEqualTo(400);
            assertThat(form.body())
                    .contains("id=\"rate-card-error\"")
                    .contains("amount")
                    .doesNotContain("Exception");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM negotiated_price", Long.class))
                .isZero();

        assertThat(put(path, "{\"deliverable\": \"post\", \"amount\": \"10,000,000\", \"currency\": \"EUR\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(put(
                                path,
                                "{\"deliverable\": \"post\", \"amount\": 1250.5, \"currency\": \"EUR\", \"kind\": \"negotiated\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT amount::text FROM negotiated_price", String.class))
                .containsExactlyInAnyOrder("1250.50", "10000000.00");
    }

    @Test
    void theCreatorPageFormNamesARefusedFieldInlineAndSavesAGoodOne() throws Exception {
        Account yt = scored("youtube");
        HttpResponse<String> reel =
                form("/creators/" + yt.id() + "/prices", "deliverable=reel&amount=100&currency=USD");
        assertThat(reel.statusCode()).isEqualTo(400);
        assertThat(reel.body())
                .contains("id=\"rate-card-error\"")
                .contains("deliverable: youtube has no reel; it has video, short")
                .doesNotContain("<section")
                .doesNotContain("Exception");
        HttpResponse<String> ok =
                form("/creators/" + yt.id() + "/prices", "deliverable=video&amount=500&currency=EUR&kind=rate_card");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Saved: Video 500 EUR.").contains("≈ 535 USD");
        assertThat(form("/creators/999999999/prices", "deliverable=video&amount=1&currency=EUR")
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> form(String path, String body) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("HX-Request", "true")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode searchHit(Account a) throws Exception {
        JsonNode hits = json(get("/api/search?platform=" + a.platform() + "&limit=100&sort=followers"))
                .get("hits");
        for (JsonNode h : hits) {
            if (h.get("accountId").asLong() == a.id()) {
                return h;
            }
        }
        throw new AssertionError("@" + a.handle() + " not among the search hits");
    }

    private JsonNode plannedCreator(Account a, String currency) throws Exception {
        HttpResponse<String> r = post(
                "/api/plans",
                "{\"budget\": 100000, \"currency\": \"" + currency + "\", \"platforms\": [\"" + a.platform()
                        + "\"], \"constraints\": {\"mustInclude\": [\"" + a.creatorId() + "\"]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode c : json(r).get("creators")) {
            if (c.get("id").asText().equals(a.creatorId())) {
                return c;
            }
        }
        throw new AssertionError(a.creatorId() + " not in the plan");
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return mapper.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(path, body, "POST");
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return send(path, body, "PUT");
    }

    private HttpResponse<String> send(String path, String body, String method) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
