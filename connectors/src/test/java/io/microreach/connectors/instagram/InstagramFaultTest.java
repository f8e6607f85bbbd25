package io.microreach.connectors.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.microreach.connectors.instagram.GraphStub.LENA;
import static io.microreach.connectors.instagram.GraphStub.LENA_PAGE_2;
import static io.microreach.connectors.instagram.GraphStub.TOKEN;
import static io.microreach.connectors.instagram.GraphStub.TOMAS;
import static io.microreach.connectors.instagram.GraphStub.discovery;
import static io.microreach.connectors.instagram.GraphStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
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
 * Failures the Graph API produces: transient ones are retried by the HTTP client and the crawl ends as if nothing
 * happened; a missing account is reported and skipped; a spent rate limit or a dead token stop the run with {@code
 * QUOTA}, after one request, and the same store resumes it. The access token never shows in a problem.
 */
class InstagramFaultTest {
    private static final List<String> BOTH = List.of("lena.kocht", "tomas.backt");

    private GraphStub graph;

    @BeforeEach
    void start() {
        graph = new GraphStub().creators();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private CrawlResult crawl(List<String> accounts, InMemoryCrawlStateStore state, List<DataRecord> out) {
        return graph.connector().fetchCreators(accounts, CrawlOptions.DEFAULT, state, out::add);
    }

    private List<DataRecord> clean() {
        List<DataRecord> records = new ArrayList<>();
        try (GraphStub other = new GraphStub().creators()) {
            other.connector().fetchCreators(BOTH, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);
        }
        return records;
    }

    /** The first answer to the first page of Lena is {@code first}; every later one is the fixture. */
    private void firstThen(ResponseDefinitionBuilder first) {
        graph.server.stubFor(discovery("lena.kocht", notContaining(".after("))
                .inScenario("fault")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first)
                .willSetStateTo("recovered"));
        graph.server.stubFor(discovery("lena.kocht", notContaining(".after("))
                .inScenario("fault")
                .whenScenarioStateIs("recovered")
                .willReturn(GraphStub.json(fixture("bd-lena-1.json"))));
    }

    @Test
    void requestsAreSpacedToTwoHundredAnHour() {
        crawl(BOTH, new InMemoryCrawlStateStore(), new ArrayList<>());

        // 3 requests: every one after the first waits 18 s on the (fake) clock
        assertThat(graph.time.waits()).containsExactly(Duration.ofSeconds(18), Duration.ofSeconds(18));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        firstThen(aResponse().withStatus(429).withHeader("Retry-After", "120"));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(BOTH, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(clean());
        assertThat(graph.time.waits()).anyMatch(d -> d.compareTo(Duration.ofSeconds(120)) >= 0);
        // a retry counts against the platform's rate but not against the run's request budget
        assertThat(graph.requests()).isEqualTo(4);
        assertThat(r.requests()).isEqualTo(3);
    }

    @Test
    void a500ThenSuccessIsRetried() {
        firstThen(GraphStub.graphError(500, "error-transient.json"));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(BOTH, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.problems()).isEmpty();
        assertThat(records).containsExactlyElementsOf(clean());
    }

    @Test
    void aTruncatedBodyIsFetchedAgain() {
        String body = fixture("bd-lena-1.json");
        firstThen(GraphStub.json(body.substring(0, body.length() / 2)));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(BOTH, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(clean());
    }

    @Test
    void aRepeatingCursorStopsPagingInsteadOfLooping() {
        // the second page hands back the first page, whose after cursor is the one just sent
        graph.stub(discovery("lena.kocht", containing("media.after(" + LENA_PAGE_2 + ")")), "bd-lena-1.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = crawl(List.of("lena.kocht"), new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.problems()).anyMatch(p -> p.startsWith("media:lena.kocht") && p.contains("came back"));
        assertThat(records.stream().filter(Post.class::isInstance)).hasSize(3);
        assertThat(new HashSet<>(records)).hasSameSizeAs(records);
        assertThat(graph.requests()).isEqualTo(2);
    }

    @Test
    void anAccountThatIsNoProfessionalAccountIsReportedAndTheCrawlGoesOn() {
        graph.error(discovery("privatperson"), 400, "error-not-found.json");
        List<DataRecord> records = new ArrayList<>();
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

        CrawlResult r = crawl(List.of("privatperson", "lena.kocht", "tomas.backt"), state, records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(LENA, TOMAS);
        assertThat(r.problems())
                .singleElement()
                .asString()
                .contains("privatperson not found as a business or creator account")
                .contains("110/2207013");
        assertThat(records).containsExactlyElementsOf(clean());
        // no retry of the client error, and none on the next run either
        assertThat(graph.requests()).isEqualTo(4);
        graph.server.resetRequests();
        crawl(List.of("privatperson", "lena.kocht", "tomas.backt"), state, records);
        assertThat(graph.requests()).isZero();
    }

    @Test
    void anExpiredTokenStopsTheRunAtOnceAndTheSameStoreResumesWithANewOne() {
        graph.error(discovery("tomas.backt"), 400, "error-token-expired.json");
        List<DataRecord> records = new ArrayList<>();
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

        CrawlResult r = crawl(List.of("tomas.backt", "lena.kocht"), state, records);

        assertThat(r.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(r.problems())
                .singleElement()
                .asString()
                .contains("access token is expired")
                .contains("190/463")
                .contains("MICROREACH_INSTAGRAM_TOKEN")
                .doesNotContain(TOKEN);
        assertThat(graph.requests())
                .as("no retry, and no call for the next account")
                .isEqualTo(1);
        assertThat(records).isEmpty();

        graph.stub(discovery("tomas.backt"), "bd-tomas.json");
        CrawlResult again = crawl(List.of("tomas.backt", "lena.kocht"), state, records);
        assertThat(again.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(again.accountIds()).containsExactly(TOMAS, LENA);
    }

    @Test
    void aUserRateLimitStopsWithQuotaAndTheSameStoreResumesToTheSameRecords() {
        graph.error(
                discovery("tomas.backt").inScenario("limit").whenScenarioStateIs(Scenario.STARTED),
                400,
                "error-rate-limit-user.json");
        List<DataRecord> records = new ArrayList<>();
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

        CrawlResult r = crawl(BOTH, state, records);

        assertThat(r.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(r.accountIds()).containsExactly(LENA);
        assertThat(r.problems())
                .singleElement()
                .asString()
                .contains("rate limit")
                .contains("error 17");

        graph.server.resetScenarios();
        graph.server.stubFor(discovery("tomas.backt")
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(GraphStub.json(fixture("bd-tomas.json"))));
        CrawlResult again = crawl(BOTH, state, records);
        assertThat(again.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(clean());
    }

    @Test
    void anAppRateLimitAs403AlsoStopsWithQuota() {
        graph.error(discovery("lena.kocht"), 403, "error-rate-limit-app.json");

        CrawlResult r = crawl(BOTH, new InMemoryCrawlStateStore(), new ArrayList<>());

        assertThat(r.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(r.problems()).singleElement().asString().contains("error 4:").contains("Application request");
        assertThat(graph.requests()).isEqualTo(1);
    }

    @Test
    void theTokenNeverShowsInAProblem() {
        // a connection that breaks on every attempt: the client's failure names the request URL, token included
        graph.server.stubFor(
                discovery("tomas.backt").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CrawlResult r = crawl(BOTH, new InMemoryCrawlStateStore(), new ArrayList<>());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(LENA);
        assertThat(r.problems()).singleElement().asString().startsWith("account tomas.backt:");
        assertThat(r.problems()).noneMatch(p -> p.contains(TOKEN));
        // the page fixture's own next link carries a token too; it is read for its presence only
        assertThat(String.join("\n", r.problems())).doesNotContain("EAAG");
    }
}
