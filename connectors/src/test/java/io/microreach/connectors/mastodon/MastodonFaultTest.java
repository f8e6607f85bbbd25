package io.microreach.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.microreach.connectors.mastodon.InstanceStub.CREATOR_LOCAL;
import static io.microreach.connectors.mastodon.InstanceStub.CREATOR_REQUESTS;
import static io.microreach.connectors.mastodon.InstanceStub.FOLLOWERS_NEXT;
import static io.microreach.connectors.mastodon.InstanceStub.HANDLE;
import static io.microreach.connectors.mastodon.InstanceStub.S1;
import static io.microreach.connectors.mastodon.InstanceStub.api;
import static io.microreach.connectors.mastodon.InstanceStub.fixture;
import static io.microreach.connectors.mastodon.InstanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the instance does wrong, met mid-crawl: the crawl rides it out and emits exactly the records of an untroubled
 * one, or stops paging with a problem instead of looping. Time is fake, so no backoff is waited for real.
 */
class MastodonFaultTest {
    private InstanceStub instance;
    private List<DataRecord> expected;

    @BeforeEach
    void start() {
        instance = new InstanceStub().creator();
        expected = new ArrayList<>();
        instance.connector()
                .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected::add);
        instance.server.resetRequests();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    private CrawlResult crawl(List<DataRecord> out) {
        return instance.connector()
                .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), out::add);
    }

    /** The first answer to {@code request} is {@code fault}; the ones after it are {@code then}. */
    private void firstThen(
            Supplier<MappingBuilder> request, ResponseDefinitionBuilder fault, ResponseDefinitionBuilder then) {
        instance.server.stubFor(request.get()
                .atPriority(1)
                .inScenario("fault")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault)
                .willSetStateTo("recovered"));
        instance.server.stubFor(request.get()
                .atPriority(1)
                .inScenario("fault")
                .whenScenarioStateIs("recovered")
                .willReturn(then));
    }

    private static MappingBuilder firstStatusPage() {
        return api("/api/v1/accounts/" + CREATOR_LOCAL + "/statuses").withQueryParam("max_id", absent());
    }

    private static ResponseDefinitionBuilder firstStatusPageAnswer() {
        return json(fixture("statuses-ines-1.json"))
                .withHeader(
                        "Link",
                        InstanceStub.link(
                                "/api/v1/accounts/" + CREATOR_LOCAL
                                        + "/statuses?exclude_replies=true&exclude_reblogs=true&limit=40",
                                InstanceStub.S3,
                                S1));
    }

    @Test
    void requestsAreSpacedForThePagingBucketOfTheInstance() {
        int before = instance.time.waits().size();
        crawl(new ArrayList<>());
        List<Duration> waits = instance.time.waits();

        // 300 paging requests per 15 minutes: one every 3 s, on the fake clock
        assertThat(waits.subList(before, waits.size()))
                .hasSize(CREATOR_REQUESTS - 1)
                .allMatch(d -> d.equals(Duration.ofSeconds(3)));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        firstThen(
                MastodonFaultTest::firstStatusPage,
                aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withHeader("Retry-After", "120")
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "2024-11-21T08:05:00.000000Z")
                        .withBody(fixture("error-throttled.json")),
                firstStatusPageAnswer());
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        // the retry is the server's extra request, not the budget's
        assertThat(r.requests()).isEqualTo(CREATOR_REQUESTS);
        assertThat(instance.requests()).isEqualTo(CREATOR_REQUESTS + 1);
        // jitter may lengthen the wait, never shorten it below what the server asked for
        assertThat(instance.time.waits()).anyMatch(d -> d.compareTo(Duration.ofSeconds(120)) >= 0);
    }

    @Test
    void a500IsRetriedWithBackoff() {
        firstThen(
                () -> api("/api/v1/statuses/" + S1 + "/context"),
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>We're sorry, but something went wrong.</h1></body></html>"),
                json(fixture("context-s1.json")));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(instance.requests()).isEqualTo(CREATOR_REQUESTS + 1);
    }

    @Test
    void aTruncatedBodyIsFetchedAgain() {
        String whole = fixture("followers-ines-1.json");
        firstThen(
                () -> api("/api/v1/accounts/" + CREATOR_LOCAL + "/followers").withQueryParam("max_id", absent()),
                json(whole.substring(0, whole.length() / 2)),
                json(whole)
                        .withHeader(
                                "Link",
                                InstanceStub.link(
                                        "/api/v1/accounts/" + CREATOR_LOCAL + "/followers?limit=80",
                                        FOLLOWERS_NEXT,
                                        "7489740")));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(instance.requests()).isEqualTo(CREATOR_REQUESTS + 1);
    }

    @Test
    void aLinkHeaderThatPointsBackStopsPagingInsteadOfLooping() {
        // the second follower page names itself as the next page
        instance.server.stubFor(api("/api/v1/accounts/" + CREATOR_LOCAL + "/followers")
                .atPriority(1)
                .withQueryParam("max_id", equalTo(FOLLOWERS_NEXT))
                .willReturn(json(fixture("followers-ines-2.json"))
                        .withHeader(
                                "Link",
                                InstanceStub.link(
                                        "/api/v1/accounts/" + CREATOR_LOCAL + "/followers?limit=80",
                                        FOLLOWERS_NEXT,
                                        "7486860"))));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.problems()).anyMatch(p -> p.contains("followers:") && p.contains("came back"));
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(records.stream().filter(FollowerSample.class::isInstance)).hasSize(5);
        assertThat(r.requests()).isEqualTo(CREATOR_REQUESTS);
    }

    @Test
    void anAnswerThatStaysBrokenLeavesTheAccountForTheNextRun() {
        instance.server.stubFor(firstStatusPage()
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Service Unavailable</html>")));
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult first =
                instance.connector().fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, state, records::add);

        assertThat(first.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(first.accountIds()).isEmpty();
        assertThat(first.problems()).anyMatch(p -> p.contains("503"));

        instance.server.stubFor(firstStatusPage().atPriority(1).willReturn(firstStatusPageAnswer()));
        CrawlResult second =
                instance.connector().fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, state, records::add);

        assertThat(second.accountIds()).containsExactly(InstanceStub.CREATOR);
        assertThat(records).containsExactlyElementsOf(expected);
    }
}
