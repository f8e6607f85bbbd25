package io.microreach.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.including;
import static io.microreach.connectors.bluesky.AppViewStub.CREATOR;
import static io.microreach.connectors.bluesky.AppViewStub.CREATOR_REQUESTS;
import static io.microreach.connectors.bluesky.AppViewStub.HANDLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.Post;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every connector promises, checked on Bluesky: pagination ends, no record twice, a stopped crawl resumed with
 * the same state store gives exactly the records of an uninterrupted one, the request budget is a hard cap, and a
 * cursor that repeats ends paging instead of looping.
 */
class CrawlContractTest {
    private AppViewStub appView;

    @BeforeEach
    void start() {
        appView = new AppViewStub().creator().search();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private List<DataRecord> uninterrupted() {
        List<DataRecord> records = new ArrayList<>();
        CrawlResult r = appView.connector()
                .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);
        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.requests()).isEqualTo(CREATOR_REQUESTS);
        return records;
    }

    @Test
    void paginationEndsAndNoRecordComesTwice() {
        List<DataRecord> records = uninterrupted();

        assertThat(appView.requests()).isEqualTo(CREATOR_REQUESTS);
        assertThat(new HashSet<>(records)).hasSameSizeAs(records);
        assertThat(records).hasSize(1 + 1 + 4 + 9 + 5 + 3);
    }

    @Test
    void requestsAreSpacedToTheAppViewRateLimit() {
        uninterrupted();

        // 3,000 requests per 5 minutes: every request after the first waits 100 ms on the (fake) clock
        assertThat(appView.time.waits()).hasSize(CREATOR_REQUESTS - 1).allMatch(d -> d.equals(Duration.ofMillis(100)));
    }

    @Test
    void aCrawlStoppedAfterAnyNumberOfRequestsResumesToTheSameRecords() {
        List<DataRecord> expected = uninterrupted();

        for (int stopAfter = 0; stopAfter < CREATOR_REQUESTS; stopAfter++) {
            appView.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();

            CrawlResult first = appView.connector()
                    .fetchCreators(
                            List.of(HANDLE), CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).as("stop after %d", stopAfter).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(first.requests()).isEqualTo(stopAfter);
            assertThat(appView.requests()).as("the budget is a hard cap").isEqualTo(stopAfter);

            CrawlResult second =
                    appView.connector().fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, state, records::add);
            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
            // resuming repeats at most the one page whose follow-up request the budget cut off
            assertThat(appView.requests())
                    .as("requests, stop after %d", stopAfter)
                    .isBetween(CREATOR_REQUESTS, CREATOR_REQUESTS + 1);
        }
    }

    @Test
    void aFinishedCrawlRunAgainWithTheSameStoreFetchesNothing() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();
        appView.connector().fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, state, records::add);
        appView.server.resetRequests();

        CrawlResult again =
                appView.connector().fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, state, records::add);

        assertThat(again.records()).isZero();
        assertThat(appView.requests()).isZero();
    }

    @Test
    void aRepeatingCursorStopsPagingInsteadOfLooping() {
        // page 2 hands back the cursor that led to it
        appView.stub(
                AppViewStub.xrpc("app.bsky.feed.getAuthorFeed")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", equalTo("2024-11-18T06:45:10.000Z")),
                "feed-mara-1.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = appView.connector()
                .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.problems()).anyMatch(p -> p.startsWith("feed:" + CREATOR) && p.contains("came back"));
        assertThat(records.stream().filter(Post.class::isInstance)).hasSize(2);
        assertThat(new HashSet<>(records)).hasSameSizeAs(records);
    }

    @Test
    void keywordDiscoveryKeepsTheFollowerBandAndStopsAtTheAccountBudget() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult all = appView.connector()
                .discover(
                        DiscoveryQuery.keyword("balkon garten"),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        records::add);

        // 250,000 and 120 followers are outside 1k–100k; 1,000 is on the edge and inside; then the post authors
        assertThat(all.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(all.accountIds())
                .containsExactly(
                        "did:plc:gardenerone2ab3cd4ef5gh6",
                        "did:plc:gardenerfou2ab3cd4ef5gh6",
                        "did:plc:gardenerfiv2ab3cd4ef5gh6",
                        AppViewStub.SVEN,
                        AppViewStub.HANA);
        assertThat(records.stream().filter(Account.class::isInstance)).hasSize(5);
        // 3 profile search pages (the last one empty), 2 post search pages, one getProfiles per non-empty page
        assertThat(all.requests()).isEqualTo(9);

        CrawlResult two = appView.connector()
                .discover(
                        DiscoveryQuery.keyword("balkon garten"),
                        CrawlOptions.DEFAULT.withMaxAccounts(2),
                        new InMemoryCrawlStateStore(),
                        r -> {});
        assertThat(two.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(two.accountIds()).hasSize(2);
    }

    @Test
    void discoveryResumesWithoutAcceptingAnAccountTwice() {
        List<DataRecord> expected = new ArrayList<>();
        appView.connector()
                .discover(
                        DiscoveryQuery.keyword("balkon garten"),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        expected::add);

        for (int stopAfter = 0; stopAfter < 9; stopAfter++) {
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();
            DiscoveryQuery q = DiscoveryQuery.keyword("balkon garten");
            CrawlResult first = appView.connector()
                    .discover(q, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            appView.connector().discover(q, CrawlOptions.DEFAULT, state, records::add);
            assertThat(records).as("stop after %d", stopAfter).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void snowballFromASeedAcceptsTheSeedsFollowsInTheBand() {
        appView.stub(
                AppViewStub.xrpc("app.bsky.graph.getFollows")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", absent()),
                "follows-mara.json");
        appView.stub(
                AppViewStub.xrpc("app.bsky.actor.getProfiles")
                        .withQueryParam(
                                "actors",
                                including(
                                        "did:plc:gardenerone2ab3cd4ef5gh6",
                                        "did:plc:gardenertwo2ab3cd4ef5gh6",
                                        "did:plc:gardenerfou2ab3cd4ef5gh6")),
                "profiles-follows-mara.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = appView.connector()
                .discover(
                        DiscoveryQuery.seed(HANDLE, 1),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        records::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds())
                .containsExactly("did:plc:gardenerone2ab3cd4ef5gh6", "did:plc:gardenerfou2ab3cd4ef5gh6");
        assertThat(records.stream().filter(Account.class::isInstance).map(a -> ((Account) a).platformId()))
                .doesNotContain(CREATOR);
    }

    @Test
    void snowballOfDepthTwoFollowsTheAcceptedAccountsAndResumesAfterAnyStop() {
        appView.stub(
                AppViewStub.xrpc("app.bsky.graph.getFollows").withQueryParam("actor", equalTo(CREATOR)),
                "follows-mara.json");
        appView.stub(
                AppViewStub.xrpc("app.bsky.graph.getFollows")
                        .withQueryParam("actor", equalTo("did:plc:gardenerone2ab3cd4ef5gh6")),
                "follows-anna.json");
        appView.stub(
                AppViewStub.xrpc("app.bsky.graph.getFollows")
                        .withQueryParam("actor", equalTo("did:plc:gardenerfou2ab3cd4ef5gh6")),
                "follows-kurt.json");
        appView.stub(
                AppViewStub.xrpc("app.bsky.actor.getProfiles")
                        .withQueryParam(
                                "actors",
                                including(
                                        "did:plc:gardenerone2ab3cd4ef5gh6",
                                        "did:plc:gardenertwo2ab3cd4ef5gh6",
                                        "did:plc:gardenerfou2ab3cd4ef5gh6")),
                "profiles-follows-mara.json");
        appView.stub(
                AppViewStub.xrpc("app.bsky.actor.getProfiles")
                        .withQueryParam(
                                "actors",
                                including("did:plc:gardenerfiv2ab3cd4ef5gh6", "did:plc:gardenerthr2ab3cd4ef5gh6")),
                "profiles-hop2.json");
        DiscoveryQuery query = DiscoveryQuery.seed(HANDLE, 2);
        List<DataRecord> expected = new ArrayList<>();
        CrawlResult all =
                appView.connector().discover(query, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected::add);

        // hop 1: Anna and Kurt (Big Farm is too big); hop 2: Sara from Anna's follows (tiny is too small), and
        // Kurt's follows are Anna and Sara, both accepted already, so not checked again
        assertThat(all.accountIds())
                .containsExactly(
                        "did:plc:gardenerone2ab3cd4ef5gh6",
                        "did:plc:gardenerfou2ab3cd4ef5gh6",
                        "did:plc:gardenerfiv2ab3cd4ef5gh6");
        // seed profile, Mara's follows + getProfiles, Anna's follows + getProfiles, Kurt's follows
        assertThat(all.requests()).isEqualTo(6);

        for (int stopAfter = 0; stopAfter < 6; stopAfter++) {
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();
            CrawlResult first = appView.connector()
                    .discover(query, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            appView.connector().discover(query, CrawlOptions.DEFAULT, state, records::add);
            assertThat(records).as("stop after %d", stopAfter).containsExactlyElementsOf(expected);
        }
    }
}
