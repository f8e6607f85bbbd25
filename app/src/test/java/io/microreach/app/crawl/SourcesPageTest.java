package io.microreach.app.crawl;

import static io.microreach.app.WebClient.assertFriendly;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Sources page: settings with field errors, keys never shown back, and adding a creator by its profile URL. */
class SourcesPageTest extends SpringAppTest {
    private WebClient web;
    private BlueskyStandIn appView;

    @BeforeEach
    void clean() {
        emptyPublicTables();
        jdbc.execute("TRUNCATE crawl_run, crawl_source_state, account_source, source_setting CASCADE");
        web = new WebClient(port);
        appView = new BlueskyStandIn();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    @Test
    void thePageListsEveryPlatformWithWhatItCanAndCannotMeasure() {
        HttpResponse<String> page = web.get("/sources");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("source-bluesky", "source-youtube", "source-mastodon", "source-instagram")
                .contains("MICROREACH_YOUTUBE_API_KEY")
                .contains("no public list");
    }

    @Test
    void quotaSpentTodayIsShownWithItsSource() {
        jdbc.update("INSERT INTO crawl_source_state (source, task, cursor, finished, pages)"
                + " VALUES ('youtube', 'quota:2026-12-07', '1234', false, 0)");

        assertThat(web.get("/sources").body()).contains("Quota used").contains("2026-12-07: 1234 units");
    }

    @Test
    void aBadAddressIsRefusedNamingTheFieldAndNothingIsSaved() {
        HttpResponse<String> r = web.form(
                "/sources/mastodon/settings", Map.of("baseUrl", "ftp://example.org", "syncMinutes", ""), false);

        assertFriendly(r, 400, "baseUrl");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_setting", Long.class))
                .isZero();
        assertFriendly(web.form("/sources/bluesky/settings", Map.of("syncMinutes", "2"), false), 400, "syncMinutes");
    }

    @Test
    void aKeyIsStoredEncryptedAndNeverShownBack() {
        String key = "AIzaSyD-secret-key-0123456789";
        HttpResponse<String> saved = web.form("/sources/youtube/settings", Map.of("key", key), false);

        assertThat(saved.statusCode()).isEqualTo(302);
        byte[] stored = jdbc.queryForObject("SELECT secret FROM source_setting WHERE source = 'youtube'", byte[].class);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret-key");
        HttpResponse<String> page = web.get("/sources");
        assertThat(page.body()).doesNotContain(key).contains("stored (enter a new one to replace it)");
        assertThat(web.get("/api/sources").body()).doesNotContain(key).contains("\"keyOrigin\":\"STORED\"");
    }

    @Test
    void addingACreatorByUrlFetchesScoresAndLinksIt() throws InterruptedException {
        web.form("/sources/bluesky/settings", Map.of("baseUrl", appView.baseUrl()), false);

        HttpResponse<String> added = web.form(
                "/sources/add",
                Map.of("account", "https://bsky.app/profile/anna.bsky.social", "source", "auto"),
                false);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        String runPage = added.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(runPage).startsWith("/sources/runs/");

        String body = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            body = web.get(runPage + "/progress").body();
            if (body.contains("data-state=\"completed\"") || body.contains("data-state=\"failed\"")) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(body).contains("data-state=\"completed\"").contains("@anna.bsky.social");
        long id = jdbc.queryForObject("SELECT id FROM account WHERE handle = 'anna.bsky.social'", Long.class);
        assertThat(web.get("/creators/" + id).body()).contains("Source: Bluesky API");
    }

    @Test
    void anAmbiguousHandleAsksForThePlatform() {
        assertFriendly(web.form("/sources/add", Map.of("account", "rubyjohnson"), false), 400, "choose the platform");
    }
}
