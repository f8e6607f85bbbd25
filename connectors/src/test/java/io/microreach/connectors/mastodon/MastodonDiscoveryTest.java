package io.microreach.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.microreach.connectors.mastodon.InstanceStub.CREATOR_LOCAL;
import static io.microreach.connectors.mastodon.InstanceStub.HOST;
import static io.microreach.connectors.mastodon.InstanceStub.api;
import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Discovery keeps the follower band of the options (1,000–100,000, both ends inclusive), stops at the account budget,
 * and resumes after a stop without accepting an account twice. The keyword {@code kochen} finds 5 accounts by search
 * (2 in the band; one hides its count), 6 posting authors on the hashtag's timeline over two pages (2 more in the
 * band, among them one with exactly 100,000 followers) and 3 accounts in the profile directory (1 in the band whose
 * bio names the keyword); the seed Ines follows 4 accounts over two pages (3 in the
 * band), whose own follows add 2 more at depth 2.
 */
class MastodonDiscoveryTest {
    private static final List<String> KEYWORD_ACCEPTED = ids(
            "109500000000000201",
            "109500000000000205",
            "109500000000000206",
            "109500000000000208",
            "109500000000000214");
    private static final List<String> SEED_ACCEPTED = ids(
            "109500000000000206",
            "109400000000000999",
            "109500000000000211",
            "109500000000000213",
            "109500000000000205");

    private InstanceStub instance;

    @BeforeEach
    void start() {
        instance = new InstanceStub().creator();
        instance.stub(
                api("/api/v2/search")
                        .withQueryParam("q", equalTo("kochen"))
                        .withQueryParam("type", equalTo("accounts"))
                        .withQueryParam("limit", equalTo("40")),
                "search-kochen.json");
        String tag = "/api/v1/timelines/tag/kochen";
        instance.stubPaged(
                api(tag).withQueryParam("max_id", absent()),
                "tag-kochen-1.json",
                tag + "?limit=40",
                "113527000000000004",
                "113530000000000001");
        instance.stubPaged(
                api(tag).withQueryParam("max_id", equalTo("113527000000000004")),
                "tag-kochen-2.json",
                tag + "?limit=40",
                null,
                "113526000000000005");
        String ines = "/api/v1/accounts/" + CREATOR_LOCAL + "/following";
        instance.stubPaged(
                api(ines).withQueryParam("max_id", absent()),
                "following-ines-1.json",
                ines + "?limit=80",
                "7000123",
                "7000200");
        instance.stubPaged(
                api(ines).withQueryParam("max_id", equalTo("7000123")),
                "following-ines-2.json",
                ines + "?limit=80",
                null,
                "7000100");
        instance.stub(
                api("/api/v1/directory")
                        .withQueryParam("order", equalTo("active"))
                        .withQueryParam("local", equalTo("true"))
                        .withQueryParam("offset", equalTo("0"))
                        .withQueryParam("limit", equalTo("80")),
                "directory-1.json");
        instance.stub(api("/api/v1/accounts/109500000000000206/following"), "following-gemuesegarten.json");
        instance.stub(api("/api/v1/accounts/109500000000000211/following"), "following-saatgut.json");
        instance.stub(api("/api/v1/accounts/109400000000000999/following"), "following-empty.json");
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    private static List<String> ids(String... local) {
        return java.util.Arrays.stream(local).map(l -> HOST + ":" + l).toList();
    }

    private CrawlResult discover(
            DiscoveryQuery q, CrawlOptions options, InMemoryCrawlStateStore state, List<DataRecord> out) {
        return instance.connector().discover(q, options, state, out::add);
    }

    private static List<String> accounts(List<DataRecord> records) {
        return records.stream()
                .filter(Account.class::isInstance)
                .map(r -> ((Account) r).platformId())
                .toList();
    }

    @Test
    void aKeywordFindsAccountsBySearchAndByHashtagInsideTheBand() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = discover(
                DiscoveryQuery.keyword("kochen"), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactlyElementsOf(KEYWORD_ACCEPTED);
        assertThat(accounts(records)).containsExactlyElementsOf(KEYWORD_ACCEPTED);
        assertThat(records.stream().filter(FollowerCount.class::isInstance)).hasSize(5);
        // 1 search (one page: no offset without a login) + 2 hashtag pages + 1 directory page (shorter than 80: the
        // last), where only the account whose bio names the keyword counts
        assertThat(r.requests()).isEqualTo(4);
        Account kai = (Account) records.stream()
                .filter(a -> a instanceof Account acc && acc.platformId().equals(HOST + ":109500000000000205"))
                .findFirst()
                .orElseThrow();
        assertThat(kai.handle()).isEqualTo("kochen_mit_kai@chaos.social");
        assertThat(kai.followers()).isEqualTo(12000);
    }

    @Test
    void aSnowballFollowsTheSeedsFollowsAndThenThoseOfTheAccepted() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = discover(
                DiscoveryQuery.seed("@ines_kocht@mastodon.social", 2),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore(),
                records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        // the seed itself is followed back by one of hers, and is no discovery
        assertThat(r.accountIds()).containsExactlyElementsOf(SEED_ACCEPTED);
        assertThat(accounts(records)).containsExactlyElementsOf(SEED_ACCEPTED);
        // lookup, 2 pages of her follows, the follows of the 3 accepted at hop 1
        assertThat(r.requests()).isEqualTo(6);
    }

    @Test
    void depthOneStopsAtTheSeedsOwnFollows() {
        CrawlResult r = discover(
                DiscoveryQuery.seed("ines_kocht", 1),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore(),
                new ArrayList<>());

        assertThat(r.accountIds()).containsExactlyElementsOf(SEED_ACCEPTED.subList(0, 3));
        assertThat(r.requests()).isEqualTo(3);
    }

    @Test
    void theFollowerBandComesFromTheOptions() {
        CrawlResult r = discover(
                DiscoveryQuery.keyword("kochen"),
                CrawlOptions.DEFAULT.withFollowerBand(10_000, 200_000),
                new InMemoryCrawlStateStore(),
                new ArrayList<>());

        assertThat(r.accountIds())
                .containsExactlyElementsOf(
                        ids("109500000000000203", "109500000000000205", "109500000000000208", "109500000000000209"));
    }

    @Test
    void stopsAtTheAccountBudgetAndGoesOnFromThereWithoutAcceptingAnyoneTwice() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult first =
                discover(DiscoveryQuery.keyword("kochen"), CrawlOptions.DEFAULT.withMaxAccounts(3), state, records);

        assertThat(first.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(first.accountIds()).containsExactlyElementsOf(KEYWORD_ACCEPTED.subList(0, 3));

        CrawlResult again =
                discover(DiscoveryQuery.keyword("kochen"), CrawlOptions.DEFAULT.withMaxAccounts(3), state, records);
        assertThat(again.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(again.accountIds()).isEmpty();
        assertThat(again.requests()).isZero();

        CrawlResult more =
                discover(DiscoveryQuery.keyword("kochen"), CrawlOptions.DEFAULT.withMaxAccounts(10), state, records);
        assertThat(more.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(more.accountIds()).containsExactlyElementsOf(KEYWORD_ACCEPTED.subList(3, 5));
        assertThat(accounts(records)).containsExactlyElementsOf(KEYWORD_ACCEPTED);
    }

    @Test
    void aDiscoveryStoppedAfterAnyNumberOfRequestsResumesWithoutAcceptingAnyoneTwice() {
        for (DiscoveryQuery q : List.of(DiscoveryQuery.keyword("kochen"), DiscoveryQuery.seed("ines_kocht", 2))) {
            List<DataRecord> expected = new ArrayList<>();
            CrawlResult whole = discover(q, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected);

            for (long stopAfter = 0; stopAfter < whole.requests(); stopAfter++) {
                InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
                List<DataRecord> records = new ArrayList<>();
                CrawlResult first = discover(q, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records);
                assertThat(first.stopReason())
                        .as("%s stop after %d", q, stopAfter)
                        .isEqualTo(StopReason.REQUEST_BUDGET);

                CrawlResult second = discover(q, CrawlOptions.DEFAULT, state, records);

                assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
                assertThat(new HashSet<>(accounts(records))).hasSameSizeAs(accounts(records));
                assertThat(records)
                        .as("%s stop after %d, then resume", q, stopAfter)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aHashtagTimelineClosedToVisitorsLeavesTheSearchResults() {
        instance.server.stubFor(api("/api/v1/timelines/tag/kochen")
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"error\":\"This method requires an authenticated user\"}")));

        CrawlResult r = discover(
                DiscoveryQuery.keyword("kochen"),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore(),
                new ArrayList<>());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds())
                .containsExactly(KEYWORD_ACCEPTED.get(0), KEYWORD_ACCEPTED.get(1), KEYWORD_ACCEPTED.get(4));
        assertThat(r.problems()).anyMatch(p -> p.contains("#kochen") && p.contains("422"));
    }

    @Test
    void aKeywordBecomesAHashtagWithoutSpacesOrHash() {
        assertThat(Discovery.hashtag("#Balkon Garten")).isEqualTo("balkongarten");
        assertThat(Discovery.hashtag("Kürbis_suppe")).isEqualTo("kürbis_suppe");
        assertThat(Discovery.hashtag("c++")).isNull();
        assertThat(Discovery.hashtag("#")).isNull();
    }

    @Test
    void aSeedTheInstanceDoesNotKnowIsReported() {
        instance.server.stubFor(api("/api/v1/accounts/lookup")
                .withQueryParam("acct", equalTo("niemand"))
                .willReturn(InstanceStub.notFound()));

        CrawlResult r = discover(
                DiscoveryQuery.seed("niemand", 2),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore(),
                new ArrayList<>());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).isEmpty();
        assertThat(r.problems()).anyMatch(p -> p.contains("niemand not found"));
    }
}
