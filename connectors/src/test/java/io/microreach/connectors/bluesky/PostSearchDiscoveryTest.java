package io.microreach.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.microreach.connectors.bluesky.AppViewStub.HANA;
import static io.microreach.connectors.bluesky.AppViewStub.SMALL;
import static io.microreach.connectors.bluesky.AppViewStub.SVEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerCount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyword discovery through the authors of matching posts, after the profile search. */
class PostSearchDiscoveryTest {
    private static final DiscoveryQuery GARDEN = DiscoveryQuery.keyword("balkon garten");
    private static final List<String> BY_PROFILE = List.of(
            "did:plc:gardenerone2ab3cd4ef5gh6", "did:plc:gardenerfou2ab3cd4ef5gh6", "did:plc:gardenerfiv2ab3cd4ef5gh6");

    private AppViewStub appView;

    @BeforeEach
    void start() {
        appView = new AppViewStub().search();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private CrawlResult discover(CrawlOptions options, InMemoryCrawlStateStore state, List<DataRecord> sink) {
        return appView.connector().discover(GARDEN, options, state, sink::add);
    }

    private List<String> profilesAsked() {
        return appView.server.findAll(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles"))).stream()
                .map(LoggedRequest::getQueryParams)
                .flatMap(q -> q.get("actors").values().stream())
                .toList();
    }

    @Test
    void authorsOfMatchingPostsInTheBandAreAcceptedOnceAndKnownCandidatesAreNotCheckedAgain() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = discover(CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        List<String> expected = new ArrayList<>(BY_PROFILE);
        expected.addAll(List.of(SVEN, HANA));
        assertThat(r.accountIds()).containsExactlyElementsOf(expected);
        // Anna (accepted) and Big Farm (checked, too big) come back in the post search: not asked for again;
        // Sven wrote three of the matching posts and is asked for once; 300 followers is below the band
        assertThat(profilesAsked()).containsOnlyOnce(SVEN, SMALL, HANA).doesNotHaveDuplicates();
        assertThat(records.stream().filter(Account.class::isInstance).map(a -> ((Account) a).platformId()))
                .containsExactlyElementsOf(expected);
        Account hana = records.stream()
                .filter(Account.class::isInstance)
                .map(Account.class::cast)
                .filter(a -> a.platformId().equals(HANA))
                .findFirst()
                .orElseThrow();
        assertThat(hana.displayName()).isEqualTo("はな 🌸 ベランダ菜園");
        assertThat(hana.followers()).isEqualTo(15_020);
        assertThat(records.stream().filter(FollowerCount.class::isInstance)).hasSize(5);
        assertThat(new HashSet<>(records)).hasSameSizeAs(records);
    }

    @Test
    void theFollowerBandComesFromTheOptions() {
        CrawlResult r = discover(
                CrawlOptions.DEFAULT.withFollowerBand(10_000, 20_000),
                new InMemoryCrawlStateStore(),
                new ArrayList<>());

        // 18,000 (profile search) and 15,020 (post search) are inside 10k–20k; 5,200 and 8,400 are not
        assertThat(r.accountIds()).containsExactly("did:plc:gardenerfou2ab3cd4ef5gh6", HANA);
    }

    @Test
    void theAccountBudgetSpansBothSearches() {
        CrawlResult r =
                discover(CrawlOptions.DEFAULT.withMaxAccounts(4), new InMemoryCrawlStateStore(), new ArrayList<>());

        assertThat(r.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(r.accountIds()).containsExactly(BY_PROFILE.get(0), BY_PROFILE.get(1), BY_PROFILE.get(2), SVEN);
        // the second post page is never requested
        assertThat(appView.server.findAll(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.searchPosts"))))
                .hasSize(1);
    }

    @Test
    void aStoppedDiscoveryResumesWithoutAcceptingAnAccountTwice() {
        List<DataRecord> expected = new ArrayList<>();
        long total = discover(CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected)
                .requests();

        for (long stopAfter = 0; stopAfter < total; stopAfter++) {
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();
            CrawlResult first = discover(CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records);
            CrawlResult second = discover(CrawlOptions.DEFAULT, state, records);

            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d", stopAfter).containsExactlyElementsOf(expected);
            List<String> accepted = new ArrayList<>(first.accountIds());
            accepted.addAll(second.accountIds());
            assertThat(accepted)
                    .as("stop after %d", stopAfter)
                    .doesNotHaveDuplicates()
                    .hasSize(5);
        }
    }

    @Test
    void postSearchRefusedWithoutLoginKeepsTheProfileSearchsAccounts() {
        appView.server.stubFor(AppViewStub.xrpc("app.bsky.feed.searchPosts")
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("Request forbidden by administrative rules.")));

        CrawlResult r = discover(CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), new ArrayList<>());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactlyElementsOf(BY_PROFILE);
        assertThat(r.problems()).anyMatch(p -> p.startsWith("search-posts:") && p.contains("403"));
    }

    @Test
    void aRefusedCursorKeepsTheFirstPagesAuthors() {
        // the public AppView refuses post search with a cursor (bluesky-social/atproto#2838)
        appView.server.stubFor(AppViewStub.xrpc("app.bsky.feed.searchPosts")
                .withQueryParam("cursor", equalTo("25"))
                .willReturn(aResponse().withStatus(403).withBody("Request forbidden by administrative rules.")));
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

        CrawlResult r = discover(CrawlOptions.DEFAULT, state, new ArrayList<>());

        assertThat(r.accountIds()).endsWith(SVEN).doesNotContain(HANA);
        appView.server.resetRequests();
        CrawlResult again = discover(CrawlOptions.DEFAULT, state, new ArrayList<>());
        assertThat(again.requests())
                .as("the refused list is finished, not retried")
                .isZero();
        assertThat(appView.server.findAll(getRequestedFor(urlPathEqualTo("/xrpc/app.bsky.feed.searchPosts"))
                        .withQueryParam("cursor", absent())))
                .isEmpty();
    }
}
