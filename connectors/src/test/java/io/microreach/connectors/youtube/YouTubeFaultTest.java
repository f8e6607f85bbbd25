package io.microreach.connectors.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.microreach.connectors.youtube.DataApiStub.CREATOR;
import static io.microreach.connectors.youtube.DataApiStub.CREATOR_REQUESTS;
import static io.microreach.connectors.youtube.DataApiStub.LONG;
import static io.microreach.connectors.youtube.DataApiStub.OBSERVED;
import static io.microreach.connectors.youtube.DataApiStub.PLAYLIST;
import static io.microreach.connectors.youtube.DataApiStub.UPLOADS_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.connectors.http.FakeTime;
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
 * What goes wrong with the Data API, on the stand-in: rate limiting, server errors, a cut body, a page token that
 * comes back, and the daily quota, counted here or declared spent by the server. Time is fake: no test waits.
 */
class YouTubeFaultTest {
    private DataApiStub api;
    private List<DataRecord> expected;

    @BeforeEach
    void start() {
        api = new DataApiStub().creator();
        expected = crawl(api.connector(), new InMemoryCrawlStateStore()).records;
        api.server.resetRequests();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private record Run(CrawlResult result, List<DataRecord> records) {}

    private Run crawl(YouTubeConnector connector, InMemoryCrawlStateStore state) {
        List<DataRecord> records = new ArrayList<>();
        CrawlResult r = connector.fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);
        return new Run(r, records);
    }

    /** The first matching request gets {@code fault}; the next ones the normal stubs. */
    private void once(MappingBuilder request, ResponseDefinitionBuilder fault) {
        api.server.stubFor(request.atPriority(1)
                .inScenario("fault")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(fault)
                .willSetStateTo("recovered"));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() {
        once(
                DataApiStub.api("channels"),
                aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "30")
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(DataApiStub.fixture("error-rate-limit.json")));

        Run run = crawl(api.connector(), new InMemoryCrawlStateStore());

        assertThat(run.result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.records).containsExactlyElementsOf(expected);
        assertThat(api.time.waits()).anyMatch(d -> d.compareTo(Duration.ofSeconds(30)) >= 0);
        assertThat(run.result.requests()).as("a retry is not a new request").isEqualTo(CREATOR_REQUESTS);
        api.server.verify(2, getRequestedFor(urlPathEqualTo("/channels")));
    }

    @Test
    void retriesA500ThenGoesOn() {
        once(DataApiStub.api("playlistItems"), DataApiStub.error(500, "error-backend.json"));

        Run run = crawl(api.connector(), new InMemoryCrawlStateStore());

        assertThat(run.result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.records).containsExactlyElementsOf(expected);
        api.server.verify(3, getRequestedFor(urlPathEqualTo("/playlistItems")));
    }

    @Test
    void retriesATruncatedBody() {
        String whole = DataApiStub.fixture("threads-long-1.json");
        once(
                DataApiStub.api("commentThreads").withQueryParam("videoId", equalTo(LONG)),
                DataApiStub.json(whole.substring(0, whole.length() / 2)));

        Run run = crawl(api.connector(), new InMemoryCrawlStateStore());

        assertThat(run.records).containsExactlyElementsOf(expected);
        assertThat(api.requests()).isEqualTo(CREATOR_REQUESTS + 1);
    }

    @Test
    void aPageTokenThatComesBackEndsPagingWithAProblem() {
        api.stub(
                DataApiStub.api("playlistItems")
                        .atPriority(1)
                        .withQueryParam("playlistId", equalTo(PLAYLIST))
                        .withQueryParam("pageToken", equalTo(UPLOADS_TOKEN)),
                "uploads-mara-2-repeating.json");

        Run run = crawl(api.connector(), new InMemoryCrawlStateStore());

        assertThat(run.result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(run.result.problems())
                .anyMatch(p ->
                        p.contains("uploads:" + CREATOR) && p.contains("page token " + UPLOADS_TOKEN + " came back"));
        assertThat(run.records).containsExactlyElementsOf(expected);
        api.server.verify(2, getRequestedFor(urlPathEqualTo("/playlistItems")));
    }

    @Test
    void theDailyQuotaStopsBeforeTheCallThatWouldPassItAndResumesTheNextPacificDay() {
        FakeTime day = new FakeTime(OBSERVED);
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        // 5 units: the channel, 2 playlist pages and their videos.list; the first thread page would be the 6th
        CrawlResult first =
                api.connector(day, 5).fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);

        assertThat(first.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(first.requests()).isEqualTo(5);
        assertThat(api.requests()).isEqualTo(5);
        assertThat(first.problems())
                .anyMatch(p ->
                        p.contains("quota of 5 units for 2026-12-07") && p.contains("resets at 2026-12-08T08:00:00Z"));
        assertThat(state.load("youtube", "quota:2026-12-07").orElseThrow().cursor())
                .isEqualTo("5");

        // a restart the same Pacific day (still 7 December in Los Angeles at 07:59 UTC) sends nothing
        day.sleep(Duration.between(OBSERVED, Instant.parse("2026-12-08T07:59:59Z")));
        CrawlResult sameDay =
                api.connector(day, 5).fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);
        assertThat(sameDay.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(sameDay.requests()).isZero();
        assertThat(api.requests()).isEqualTo(5);

        // midnight in Los Angeles: a new quota day
        day.sleep(Duration.ofSeconds(1));
        CrawlResult nextDay =
                api.connector(day, 5).fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);

        assertThat(nextDay.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(nextDay.requests()).isEqualTo(CREATOR_REQUESTS - 5);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(state.load("youtube", "quota:2026-12-08").orElseThrow().cursor())
                .isEqualTo("4");
    }

    @Test
    void aQuotaExceededAnswerStopsWithoutRetryAndMarksTheDaySpent() {
        api.server.stubFor(DataApiStub.api("commentThreads")
                .atPriority(1)
                .withQueryParam("pageToken", absent())
                .withQueryParam("videoId", equalTo(LONG))
                .willReturn(DataApiStub.error(403, "error-quota-exceeded.json")));
        FakeTime day = new FakeTime(OBSERVED);
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult first =
                api.connector(day, 10_000).fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);

        assertThat(first.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(first.problems())
                .anyMatch(p -> p.contains("quotaExceeded") && p.contains("resets at 2026-12-08T08:00:00Z"));
        api.server.verify(1, getRequestedFor(urlPathEqualTo("/commentThreads")));
        assertThat(records).allMatch(r -> !(r instanceof io.microreach.domain.Comment));

        CrawlResult again =
                api.connector(day, 10_000).fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);
        assertThat(again.stopReason()).isEqualTo(StopReason.QUOTA);
        assertThat(again.requests()).as("the day is spent: nothing is sent").isZero();

        api.server.removeStub(api.server.getStubMappings().stream()
                .filter(m -> m.getPriority() != null && m.getPriority() == 1)
                .findFirst()
                .orElseThrow());
        day.sleep(Duration.ofDays(1));
        CrawlResult nextDay =
                api.connector(day, 10_000).fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, state, records::add);

        assertThat(nextDay.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(records).containsExactlyElementsOf(expected);
        assertThat(records.stream().filter(Post.class::isInstance)).hasSize(4);
    }
}
