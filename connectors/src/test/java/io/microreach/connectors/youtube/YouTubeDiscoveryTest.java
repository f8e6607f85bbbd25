package io.microreach.connectors.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.microreach.connectors.youtube.DataApiStub.C1;
import static io.microreach.connectors.youtube.DataApiStub.C3;
import static io.microreach.connectors.youtube.DataApiStub.C4;
import static io.microreach.connectors.youtube.DataApiStub.C6;
import static io.microreach.connectors.youtube.DataApiStub.CREATOR;
import static io.microreach.connectors.youtube.DataApiStub.KEYWORD;
import static io.microreach.connectors.youtube.DataApiStub.OBSERVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerCount;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery on the stand-in. Keyword: 2 pages of channel results (in band, 1.24M, hidden count, in band, 300
 * subscribers) and 1 page of video results whose channels are one already seen, one new in band and Mara. Seed:
 * Mara's public subscriptions and featured channels, and at the second hop those of the channels accepted.
 */
class YouTubeDiscoveryTest {
    private static final DiscoveryQuery QUERY = DiscoveryQuery.keyword(KEYWORD);
    private static final DiscoveryQuery SEED_1 = DiscoveryQuery.seed("@" + DataApiStub.HANDLE, 1);
    private static final DiscoveryQuery SEED_2 =
            DiscoveryQuery.seed("https://www.youtube.com/@" + DataApiStub.HANDLE, 2);

    private DataApiStub api;

    @BeforeEach
    void start() {
        api = new DataApiStub().creator().search();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<String> accounts(List<DataRecord> records) {
        return records.stream()
                .filter(Account.class::isInstance)
                .map(r -> ((Account) r).platformId())
                .toList();
    }

    @Test
    void findsChannelsAndVideoChannelsInsideTheFollowerBand() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = api.connector().discover(QUERY, CrawlOptions.DEFAULT, state, records::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(C1, C4, C6, CREATOR);
        assertThat(accounts(records)).containsExactly(C1, C4, C6, CREATOR);
        assertThat(records.stream().filter(FollowerCount.class::isInstance)).hasSize(4);
        assertThat(records).hasSize(8);
        assertThat(r.problems()).anyMatch(p -> p.contains(C3) && p.contains("hides its subscriber count"));
        // 2 channel searches, 1 video search, 3 channels.list checks; a search costs 100 units
        assertThat(r.requests()).isEqualTo(6);
        api.server.verify(3, getRequestedFor(urlPathEqualTo("/search")));
        assertThat(state.load("youtube", "quota:2026-12-07").orElseThrow().cursor())
                .isEqualTo("303");
        Account wien = records.stream()
                .filter(Account.class::isInstance)
                .map(Account.class::cast)
                .filter(a -> a.platformId().equals(C6))
                .findFirst()
                .orElseThrow();
        assertThat(wien.handle()).isEqualTo("gruenerdaumenwien");
        assertThat(wien.country()).isEqualTo("AT");
        assertThat(wien.language()).as("de-AT is German").isEqualTo("de");
        assertThat(wien.followers()).isEqualTo(48_000);
    }

    @Test
    void keepsTheBandOfTheOptions() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = api.connector()
                .discover(
                        QUERY,
                        CrawlOptions.DEFAULT.withFollowerBand(5_000, 20_000),
                        new InMemoryCrawlStateStore(),
                        records::add);

        assertThat(r.accountIds()).containsExactly(C1, C4);
        assertThat(accounts(records)).containsExactly(C1, C4);
    }

    @Test
    void stopsAtTheAccountBudgetAndResumesWithoutAcceptingAnyoneTwice() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult first =
                api.connector().discover(QUERY, CrawlOptions.DEFAULT.withMaxAccounts(2), state, records::add);
        assertThat(first.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(first.accountIds()).containsExactly(C1, C4);
        api.server.verify(
                0,
                getRequestedFor(urlPathEqualTo("/search"))
                        .withQueryParam("type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("video")));

        CrawlResult full =
                api.connector().discover(QUERY, CrawlOptions.DEFAULT.withMaxAccounts(2), state, records::add);
        assertThat(full.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(full.requests()).as("the budget is already reached").isZero();

        CrawlResult more =
                api.connector().discover(QUERY, CrawlOptions.DEFAULT.withMaxAccounts(4), state, records::add);
        assertThat(more.accountIds()).containsExactly(C6, CREATOR);
        assertThat(accounts(records)).containsExactly(C1, C4, C6, CREATOR);
    }

    @Test
    void aDiscoveryStoppedAfterAnyNumberOfRequestsResumesWithoutAcceptingAnAccountTwice() {
        List<DataRecord> expected = new ArrayList<>();
        CrawlResult whole =
                api.connector().discover(QUERY, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected::add);
        long total = whole.requests();

        for (long stopAfter = 0; stopAfter < total; stopAfter++) {
            api.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();

            CrawlResult first = api.connector()
                    .discover(QUERY, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            CrawlResult second = api.connector().discover(QUERY, CrawlOptions.DEFAULT, state, records::add);

            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d", stopAfter).containsExactlyElementsOf(expected);
            assertThat(new HashSet<>(accounts(records))).hasSameSizeAs(accounts(records));
            assertThat(api.requests()).as("no search paid twice").isEqualTo(total);
        }
    }

    @Test
    void aSearchCosts100UnitsOfTheDailyQuota() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = api.connector(Clock.fixed(OBSERVED, ZoneOffset.UTC), 150)
                .discover(QUERY, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);

        // the first search (100) and its check (1) fit; the second search would pass 150
        assertThat(r.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.accountIds()).containsExactly(C1);
        assertThat(r.problems()).anyMatch(p -> p.contains("quota of 150 units") && p.contains("101 spent"));
    }

    @Test
    void aSeedFollowsPublicSubscriptionsAndFeaturedChannelsHopByHop() {
        api.snowball();
        List<DataRecord> oneHop = new ArrayList<>();
        CrawlResult first =
                api.connector().discover(SEED_1, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), oneHop::add);

        // Mara subscribes to C1, C2 (1.24M) and C4, then C6; she features C5 (300) and C1
        assertThat(first.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(first.accountIds()).containsExactly(C1, C4, C6);
        assertThat(accounts(oneHop)).containsExactly(C1, C4, C6);
        // the handle, 2 subscription pages with a check each, the featured channels and their check
        assertThat(first.requests()).isEqualTo(7);

        List<DataRecord> twoHops = new ArrayList<>();
        CrawlResult second =
                api.connector().discover(SEED_2, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), twoHops::add);

        // hop 2: C1 keeps its subscriptions private; C4 subscribes to Mara (the seed: never accepted), C3 (hidden
        // count) and the Gartenkanal
        assertThat(second.accountIds()).containsExactly(C1, C4, C6, DataApiStub.GARTENKANAL);
        assertThat(second.problems())
                .anyMatch(p -> p.contains(C1 + " keeps its subscriptions private"))
                .anyMatch(p -> p.contains(C3 + " hides its subscriber count"));
        assertThat(accounts(twoHops)).doesNotContain(CREATOR);
        assertThat(second.requests()).isEqualTo(14);
    }

    @Test
    void aSnowballStoppedAfterAnyNumberOfRequestsResumesWithoutAcceptingAnAccountTwice() {
        api.snowball();
        List<DataRecord> expected = new ArrayList<>();
        CrawlResult whole =
                api.connector().discover(SEED_2, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected::add);
        long total = whole.requests();

        for (long stopAfter = 0; stopAfter < total; stopAfter++) {
            api.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();

            CrawlResult first = api.connector()
                    .discover(SEED_2, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            CrawlResult second = api.connector().discover(SEED_2, CrawlOptions.DEFAULT, state, records::add);

            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d", stopAfter).containsExactlyElementsOf(expected);
            assertThat(api.requests()).as("no request paid twice").isEqualTo(total);
        }
    }

    @Test
    void aSeedAtTheAccountBudgetStops() {
        api.snowball();
        CrawlResult r = api.connector()
                .discover(SEED_2, CrawlOptions.DEFAULT.withMaxAccounts(1), new InMemoryCrawlStateStore(), x -> {});

        assertThat(r.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(r.accountIds()).containsExactly(C1);
    }
}
