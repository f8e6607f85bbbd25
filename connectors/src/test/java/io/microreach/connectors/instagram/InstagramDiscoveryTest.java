package io.microreach.connectors.instagram;

import static io.microreach.connectors.instagram.GraphStub.AYSE;
import static io.microreach.connectors.instagram.GraphStub.KIKI;
import static io.microreach.connectors.instagram.GraphStub.LENA;
import static io.microreach.connectors.instagram.GraphStub.TOMAS;
import static io.microreach.connectors.instagram.GraphStub.discovery;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.DiscoveryQuery;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Post;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery by snowball through the @-mentions in captions: Lena's recent captions mention Tomás (8,120 followers)
 * and Kiki (2,930), both in the band, Mara (250,400, too big), the Biohof (640, too small) and a personal account
 * Business Discovery does not show; Tomás's mention Ayşe (45,210), Lena and Kiki.
 */
class InstagramDiscoveryTest {
    private GraphStub graph;
    private final List<DataRecord> records = new ArrayList<>();

    @BeforeEach
    void start() {
        graph = new GraphStub().creators().candidates();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private CrawlResult discover(DiscoveryQuery q, CrawlOptions options, InMemoryCrawlStateStore state) {
        return graph.connector().discover(q, options, state, records::add);
    }

    @Test
    void keywordDiscoveryIsNotAvailableAndSaysSoWithoutARequest() {
        CrawlResult r =
                discover(DiscoveryQuery.keyword("ramen berlin"), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).isEmpty();
        assertThat(r.problems())
                .singleElement()
                .asString()
                .contains("keyword discovery")
                .contains("seed");
        assertThat(r.requests()).isZero();
        assertThat(graph.requests()).isZero();
    }

    @Test
    void aSeedsMentionsInTheFollowerBandAreAccepted() {
        CrawlResult r =
                discover(DiscoveryQuery.seed("@lena.kocht", 1), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(TOMAS, KIKI);
        // the seed, then one call per mentioned username: Tomás, Kiki, Mara, the Biohof, the personal account
        assertThat(r.requests()).isEqualTo(6);
        assertThat(records).hasSize(4).noneMatch(Post.class::isInstance);
        assertThat(records.stream().filter(Account.class::isInstance).map(a -> ((Account) a).platformId()))
                .containsExactly(TOMAS, KIKI)
                .doesNotContain(LENA);
        assertThat(r.problems()).singleElement().asString().contains("privatperson");
        // at the last hop no candidate's captions are needed: profile fields only
        assertThat(graph.server.getAllServeEvents())
                .filteredOn(e ->
                        !e.getRequest().queryParameter("fields").firstValue().contains("(lena.kocht)"))
                .allMatch(e ->
                        !e.getRequest().queryParameter("fields").firstValue().contains("media.limit"));
    }

    @Test
    void theFollowerBandComesFromTheOptions() {
        CrawlResult r = discover(
                DiscoveryQuery.seed("lena.kocht", 1),
                CrawlOptions.DEFAULT.withFollowerBand(500, 300_000),
                new InMemoryCrawlStateStore());

        assertThat(records.stream().filter(Account.class::isInstance).map(a -> ((Account) a).handle()))
                .containsExactly("tomas.backt", "kiki_isst", "mara.gaertnert", "biohof.sonnenfeld");
        assertThat(r.accountIds()).hasSize(4);
        // the band is inclusive at both ends
        CrawlResult edge = graph.connector()
                .discover(
                        DiscoveryQuery.seed("lena.kocht", 1),
                        CrawlOptions.DEFAULT.withFollowerBand(2_930, 8_120),
                        new InMemoryCrawlStateStore(),
                        x -> {});
        assertThat(edge.accountIds()).containsExactly(TOMAS, KIKI);
    }

    @Test
    void depthTwoFollowsTheMentionsOfAcceptedAccounts() {
        CrawlResult r =
                discover(DiscoveryQuery.seed("lena.kocht", 2), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore());

        // hop 2: Tomás mentions Ayşe (new), Lena (the seed) and Kiki (checked already); Kiki mentions nobody
        assertThat(r.accountIds()).containsExactly(TOMAS, KIKI, AYSE);
        assertThat(r.requests()).isEqualTo(7);
        assertThat(records.stream().filter(FollowerCount.class::isInstance)).hasSize(3);
    }

    @Test
    void theAccountBudgetStopsDiscovery() {
        CrawlResult r = discover(
                DiscoveryQuery.seed("lena.kocht", 2),
                CrawlOptions.DEFAULT.withMaxAccounts(1),
                new InMemoryCrawlStateStore());

        assertThat(r.stopReason()).isEqualTo(StopReason.ACCOUNT_BUDGET);
        assertThat(r.accountIds()).containsExactly(TOMAS);
        assertThat(r.requests()).isEqualTo(2);
    }

    @Test
    void discoveryStoppedAfterAnyNumberOfRequestsResumesWithoutAcceptingAnyoneTwice() {
        DiscoveryQuery q = DiscoveryQuery.seed("lena.kocht", 2);
        discover(q, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore());
        List<DataRecord> expected = List.copyOf(records);

        for (int stopAfter = 0; stopAfter < 7; stopAfter++) {
            records.clear();
            graph.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

            CrawlResult first = discover(q, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            CrawlResult second = discover(q, CrawlOptions.DEFAULT, state);

            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
            assertThat(graph.requests()).as("no candidate checked twice").isEqualTo(7);
        }
    }

    @Test
    void aSeedWrittenAnotherWayResumesTheSameDiscovery() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        discover(DiscoveryQuery.seed("lena.kocht", 1), CrawlOptions.DEFAULT.withMaxRequests(3), state);
        graph.server.resetRequests();

        CrawlResult rest =
                discover(DiscoveryQuery.seed("https://www.instagram.com/Lena.Kocht/", 1), CrawlOptions.DEFAULT, state);

        // the seed and Tomás and Kiki were read before the stop; Mara, the Biohof and the personal account remain
        assertThat(rest.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(graph.requests()).isEqualTo(3);
        assertThat(records.stream().filter(Account.class::isInstance)).hasSize(2);
    }

    @Test
    void aFinishedDiscoveryRunAgainFetchesNothing() {
        DiscoveryQuery q = DiscoveryQuery.seed("lena.kocht", 2);
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        discover(q, CrawlOptions.DEFAULT, state);
        graph.server.resetRequests();
        records.clear();

        CrawlResult again = discover(q, CrawlOptions.DEFAULT, state);

        assertThat(again.accountIds()).isEmpty();
        assertThat(records).isEmpty();
        assertThat(graph.requests()).isZero();
    }

    @Test
    void aRateLimitStopsDiscoveryWithQuotaAndItResumesLater() {
        graph.error(
                discovery("mara.gaertnert").inScenario("limit").whenScenarioStateIs(Scenario.STARTED),
                400,
                "error-rate-limit-user.json");
        DiscoveryQuery q = DiscoveryQuery.seed("lena.kocht", 1);
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

        CrawlResult first = discover(q, CrawlOptions.DEFAULT, state);
        assertThat(first.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(first.accountIds()).containsExactly(TOMAS, KIKI);

        graph.server.resetScenarios();
        graph.server.stubFor(discovery("mara.gaertnert")
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GraphStub.json(GraphStub.fixture("bd-mara.json"))));
        CrawlResult second = discover(q, CrawlOptions.DEFAULT, state);
        assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(second.accountIds()).isEmpty();
        assertThat(records.stream().filter(Account.class::isInstance)).hasSize(2);
    }

    @Test
    void aSeedThatIsNoProfessionalAccountIsReported() {
        CrawlResult r =
                discover(DiscoveryQuery.seed("privatperson", 2), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).isEmpty();
        assertThat(r.problems()).singleElement().asString().startsWith("seed privatperson not found");
        assertThat(r.requests()).isEqualTo(1);
    }
}
