package io.microreach.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.including;
import static io.microreach.connectors.bluesky.AppViewStub.CREATOR;
import static io.microreach.connectors.bluesky.AppViewStub.HANDLE;
import static io.microreach.connectors.bluesky.AppViewStub.POST_WITH_THREAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults met during a refresh, served by WireMock in the AppView's own words; the clock is fake, so no test waits.
 * Each fault is followed by success, and the refresh must end with exactly the records of a fault-free one.
 */
class BlueskyFaultTest {
    private static final List<KnownAccount> MARA =
            List.of(new KnownAccount(CREATOR, HANDLE, 1520L, Instant.parse("2024-11-15T16:20:00Z")));

    private AppViewStub appView;
    private List<DataRecord> expected;

    @BeforeEach
    void start() {
        appView = new AppViewStub().refresh();
        expected = new ArrayList<>();
        appView.connector().refresh(MARA, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected::add);
        appView.server.resetRequests();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private CrawlResult refresh(List<DataRecord> records) {
        return appView.connector().refresh(MARA, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);
    }

    /** The first matching request gets {@code fault}, the next ones the fixture. */
    private void faultThenFixture(
            MappingBuilder request, MappingBuilder again, ResponseDefinitionBuilder fault, String fixture) {
        appView.server.stubFor(request.inScenario("fault")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault)
                .willSetStateTo("recovered"));
        appView.server.stubFor(again.inScenario("fault")
                .whenScenarioStateIs("recovered")
                .willReturn(AppViewStub.json(AppViewStub.fixture(fixture))));
    }

    private static MappingBuilder profiles() {
        return AppViewStub.xrpc("app.bsky.actor.getProfiles").withQueryParam("actors", including(CREATOR));
    }

    private static MappingBuilder thread() {
        return AppViewStub.xrpc("app.bsky.feed.getPostThread").withQueryParam("uri", equalTo(POST_WITH_THREAD));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutOnTheClockAndRetried() {
        faultThenFixture(
                profiles(),
                profiles(),
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withHeader("ratelimit-limit", "3000")
                        .withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-policy", "3000;w=300")
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}"),
                "profiles-refresh-25.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(appView.time.waits()).anyMatch(d -> d.compareTo(Duration.ofSeconds(7)) >= 0);
        // the retry is one more request on the wire, not one more of the run's budget
        assertThat(appView.requests()).isEqualTo(r.requests() + 1);
    }

    @Test
    void a500IsRetriedAfterABackoff() {
        MappingBuilder feed = AppViewStub.xrpc("app.bsky.feed.getAuthorFeed")
                .withQueryParam("actor", equalTo(CREATOR))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent());
        faultThenFixture(
                feed,
                AppViewStub.xrpc("app.bsky.feed.getAuthorFeed")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent()),
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}"),
                "feed-mara-1.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(appView.time.waits()).anyMatch(d -> d.compareTo(Duration.ofMillis(375)) >= 0);
    }

    @Test
    void aTruncatedBodyIsFetchedAgain() {
        String full = AppViewStub.fixture("thread-p1.json");
        faultThenFixture(thread(), thread(), AppViewStub.json(full.substring(0, full.length() / 2)), "thread-p1.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(records.stream().filter(Comment.class::isInstance)).hasSize(9);
    }

    @Test
    void aThreadThatStaysBrokenIsReportedAndTheNextRunWithTheSameStoreFetchesOnlyIt() {
        String full = AppViewStub.fixture("thread-p1.json");
        appView.server.stubFor(thread().willReturn(AppViewStub.json(full.substring(0, 200))));
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult broken = appView.connector().refresh(MARA, CrawlOptions.DEFAULT, state, records::add);

        assertThat(broken.problems()).anyMatch(p -> p.startsWith("account " + CREATOR));
        assertThat(records.stream().filter(Post.class::isInstance)).hasSize(2);
        assertThat(records.stream().filter(Comment.class::isInstance)).isEmpty();

        appView.server.stubFor(thread().willReturn(AppViewStub.json(full)));
        appView.server.resetRequests();
        CrawlResult healed = appView.connector().refresh(MARA, CrawlOptions.DEFAULT, state, records::add);

        assertThat(healed.requests()).isEqualTo(1);
        assertThat(records).containsExactlyElementsOf(expected);
    }

    @Test
    void aRepeatingCursorOnEveryPageEndsPagingAfterOnePage() {
        appView.stub(
                AppViewStub.xrpc("app.bsky.feed.getAuthorFeed")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", equalTo("2024-11-18T06:45:10.000Z")),
                "feed-mara-1.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(records);

        assertThat(r.problems()).anyMatch(p -> p.contains("came back"));
        assertThat(records.stream().filter(Post.class::isInstance)).hasSize(2);
    }
}
