package io.microreach.app.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.campaigns.ClickKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RedirectTest extends SpringAppTest {
    @Autowired
    io.microreach.app.home.MicroreachHome home;

    @Autowired
    TrackingLinks links;

    @Autowired
    TrackingStats stats;

    @Autowired
    ClickLog clickLog;

    @Autowired
    io.microreach.app.users.AuditLog audit;

    private final HttpClient http = HttpClient.newHttpClient();
    private long campaign;
    private long anna;

    @BeforeEach
    void campaign() {
        TrackingFixture.clear(jdbc, links);
        long ws = TrackingFixture.workspace(jdbc, TestIdentity.WORKSPACE);
        campaign = TrackingFixture.campaign(
                jdbc,
                ws,
                "Spring Run ’26!",
                "https://shop.example.com/p/trail?ref=x&utm_source=old&UTM_MEDIUM=old2&color=red#top",
                7);
        anna = TrackingFixture.creator(jdbc, ws, campaign, "instagram", "anna.runs", "annaLink1", "ANNA15");
        long evil = TrackingFixture.campaign(jdbc, ws, "Evil", "javascript:alert(1)", 7);
        TrackingFixture.creator(jdbc, ws, evil, "tiktok", "evil", "evilLink1", null);
    }

    private HttpResponse<String> follow(String method, String code, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/r/" + code))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> click(String userAgent) {
        return follow("GET", "annaLink1", Map.of("User-Agent", userAgent));
    }

    @Test
    void aClickIsSentToTheLandingPageWithUtmParametersAndAClickId() {
        HttpResponse<String> r = click(TrackingFixture.BROWSER);
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith(
                        "https://shop.example.com/p/trail?ref=x&color=red&utm_source=instagram&utm_medium=influencer"
                                + "&utm_campaign=spring-run-26&utm_content=anna.runs&mr_click=")
                .endsWith("#top")
                .doesNotContain("old");
        String clickId = location.substring(location.indexOf("mr_click=") + 9, location.indexOf('#'));
        assertThat(clickId).matches("[A-Za-z0-9_-]{22}");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Set-Cookie")).as("no browser state").isEmpty();

        clickLog.flush();
        assertThat(jdbc.queryForObject(
                        "SELECT kind FROM campaign_click WHERE click_id = ? AND campaign_creator_id = ?",
                        String.class,
                        clickId,
                        anna))
                .isEqualTo("click");
        String second =
                click(TrackingFixture.BROWSER).headers().firstValue("Location").orElseThrow();
        assertThat(second).as("every follow gets its own click id").isNotEqualTo(location);
    }

    @Test
    void unknownMalformedOrUnsafeCodesGetAPlain404WithoutLocation() {
        for (String code : List.of("noSuchCode", "a", "evilLink1", "annaLink1x", "annaLink1%3F")) {
            HttpResponse<String> r = follow("GET", code, Map.of("User-Agent", TrackingFixture.BROWSER));
            assertThat(r.statusCode()).as(code).isEqualTo(404);
            assertThat(r.headers().firstValue("Location")).as(code).isEmpty();
            assertThat(r.headers().firstValue("Set-Cookie")).as(code).isEmpty();
        }
        // An encoded slash is refused by the request firewall before any route (400): no redirect either.
        HttpResponse<String> slash = follow("GET", "%2F%2Fevil.example", Map.of());
        assertThat(slash.statusCode()).isIn(400, 404);
        assertThat(slash.headers().firstValue("Location")).isEmpty();
        // Only GET and HEAD follow a link: anything else is a 405 naming them, and logs nothing.
        HttpResponse<String> post = follow("POST", "annaLink1", Map.of("User-Agent", TrackingFixture.BROWSER));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(post.headers().firstValue("Location")).isEmpty();
        clickLog.flush();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_click", Long.class))
                .isZero();
    }

    @Test
    void robotsPreviewsPrefetchesAndHeadAreCountedApartFromClicks() {
        click(TrackingFixture.BROWSER);
        click(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
        click("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        click("WhatsApp/2.23.20.0 A");
        follow("GET", "annaLink1", Map.of("User-Agent", TrackingFixture.BROWSER, "Sec-Purpose", "prefetch"));
        follow("GET", "annaLink1", Map.of("User-Agent", TrackingFixture.BROWSER, "Purpose", "prefetch"));
        HttpResponse<String> head = follow("HEAD", "annaLink1", Map.of("User-Agent", TrackingFixture.BROWSER));
        assertThat(head.statusCode()).isEqualTo(302);

        CreatorTracking t = stats.forCampaign(campaign, "EUR").creators().stream()
                .filter(c -> c.creatorId() == anna)
                .findFirst()
                .orElseThrow();
        assertThat(t.clicks()).isEqualTo(2);
        assertThat(t.bots()).isEqualTo(1);
        assertThat(t.previews()).isEqualTo(1);
        assertThat(t.prefetches()).isEqualTo(2);
        assertThat(t.heads()).isEqualTo(1);
        assertThat(t.perDay()).hasSize(1);
        assertThat(t.perDay().get(0).clicks()).isEqualTo(2);
    }

    @Test
    void theSameVisitorCountsOnceADayAndNoAddressOrAgentIsStored() {
        for (int i = 0; i < 3; i++) {
            click(TrackingFixture.BROWSER);
        }
        click("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        CreatorTracking t = stats.forCampaign(campaign, "EUR").creators().get(0);
        assertThat(t.clicks()).isEqualTo(4);
        assertThat(t.uniqueClicks()).isEqualTo(2);

        List<String> rows = jdbc.queryForList(
                "SELECT row_to_json(k)::text || encode(k.visitor_hash, 'escape') FROM campaign_click k", String.class);
        assertThat(rows).hasSize(4);
        for (String row : rows) {
            assertThat(row)
                    .doesNotContain("127.0.0.1")
                    .doesNotContain("0:0:0:0:0:0:0:1")
                    .doesNotContain("localhost")
                    .doesNotContain("Mozilla")
                    .doesNotContain("iPhone")
                    .doesNotContain("Firefox");
        }
        assertThat(jdbc.queryForList("SELECT length(visitor_hash) FROM campaign_click", Integer.class))
                .containsOnly(32);
    }

    @Test
    void visitorHashesChangeWithTheDayAndTheVisitorAndSurviveARestartWithinTheDay() {
        // Days far from today, so that the server's own salt for today is not touched.
        Instant day1 = Instant.parse("2031-01-01T10:00:00Z");
        VisitorHashes hashes = new VisitorHashes(jdbc, home);
        byte[] a = hashes.hash("203.0.113.7", "UA", day1);
        assertThat(hashes.hash("203.0.113.7", "UA", day1.plusSeconds(3600))).isEqualTo(a);
        assertThat(hashes.hash("203.0.113.8", "UA", day1)).isNotEqualTo(a);
        assertThat(hashes.hash("203.0.113.7", "UA2", day1)).isNotEqualTo(a);
        assertThat(new VisitorHashes(jdbc, home).hash("203.0.113.7", "UA", day1))
                .as("a restart within the day keeps the day's salt")
                .isEqualTo(a);
        byte[] sealed =
                jdbc.queryForObject("SELECT salt FROM visitor_salt WHERE day = DATE '2031-01-01'", byte[].class);
        assertThat(sealed).as("sealed: nonce, 64 hex characters, tag").hasSize(12 + 64 + 16);
        assertThat(hashes.hash("203.0.113.7", "UA", day1.plus(Duration.ofDays(1))))
                .as("a new salt each UTC day")
                .isNotEqualTo(a);
        assertThat(jdbc.queryForList("SELECT day FROM visitor_salt WHERE day > DATE '2030-01-01'", LocalDate.class))
                .as("the old day's salt is deleted with the rotation")
                .containsExactly(LocalDate.of(2031, 1, 2));
        jdbc.update("DELETE FROM visitor_salt WHERE day > DATE '2030-01-01'");
    }

    @Test
    void bufferedClicksAreWrittenWithoutAskingAndOnShutdown() throws Exception {
        click(TrackingFixture.BROWSER);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM campaign_click", Long.class) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign_click", Long.class))
                .as("the background writer stored the click")
                .isEqualTo(1);

        ClickLog own = new ClickLog(jdbc, Duration.ofSeconds(1));
        long ws = TrackingFixture.workspace(jdbc, TestIdentity.WORKSPACE);
        for (int i = 0; i < 100; i++) {
            own.record(new PendingClick(ws, anna, "shutdown-" + i, Instant.now(), new byte[32], ClickKind.CLICK));
        }
        assertThat(own.unwritten("shutdown-7")).isPresent();
        own.close();
        assertThat(own.unwritten("shutdown-7")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM campaign_click WHERE click_id LIKE 'shutdown-%'", Long.class))
                .as("closing writes every buffered click")
                .isEqualTo(100);
    }

    @Test
    void retentionDeletesOnlyClicksOlderThanTheSetting() {
        long ws = TrackingFixture.workspace(jdbc, TestIdentity.WORKSPACE);
        Instant now = Instant.parse("2026-12-07T03:30:00Z");
        for (int age : new int[] {1, 394, 396, 800}) {
            jdbc.update(
                    "INSERT INTO campaign_click (workspace_id, campaign_creator_id, click_id, clicked_at, visitor_hash,"
                            + " kind) VALUES (?, ?, ?, ?, '\\x00', 'click')",
                    ws,
                    anna,
                    "age-" + age,
                    java.sql.Timestamp.from(now.minus(Duration.ofDays(age))));
        }
        ClickRetention retention = new ClickRetention(jdbc, audit, Duration.ofDays(395));
        assertThat(retention.apply(now)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT click_id FROM campaign_click ORDER BY click_id", String.class))
                .containsExactly("age-1", "age-394");
    }

    @Test
    void targetsKeepForeignParametersAndReplaceOurs() {
        var t = TrackingLinks.target(1, 2, "http://a.example/?mr_click=old&x=1&x=2", "tiktok", "Zoë K", "Été")
                .orElseThrow();
        assertThat(t.withClick("C"))
                .isEqualTo("http://a.example/?x=1&x=2&utm_source=tiktok&utm_medium=influencer"
                        + "&utm_campaign=ete&utm_content=Zo%C3%AB+K&mr_click=C");
        assertThat(TrackingLinks.target(1, 2, "https://a.example", "x", "h", "c")
                        .orElseThrow()
                        .withClick("C"))
                .startsWith("https://a.example?utm_source=x");
        for (String bad :
                new String[] {null, "", "ftp://a.example/", "//evil.example/", "/relative", "data:text/html,x"}) {
            assertThat(TrackingLinks.target(1, 2, bad, "x", "h", "c")).as(bad).isEmpty();
        }
    }
}
