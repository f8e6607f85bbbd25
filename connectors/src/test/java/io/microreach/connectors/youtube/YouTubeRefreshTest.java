package io.microreach.connectors.youtube;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.microreach.connectors.youtube.DataApiStub.C1;
import static io.microreach.connectors.youtube.DataApiStub.C3;
import static io.microreach.connectors.youtube.DataApiStub.CREATOR;
import static io.microreach.connectors.youtube.DataApiStub.LONG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refresh at the lowest unit cost: 1 unit per 50 unchanged channels, and only what is new for the others. */
class YouTubeRefreshTest {
    /** Mara's newest stored video: the Short of 18 November; only the long video of 20 November is new. */
    private static final Instant NEWEST_STORED = Instant.parse("2026-11-18T11:30:00Z");

    private DataApiStub api;

    @BeforeEach
    void start() {
        api = new DataApiStub().creator();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static List<KnownAccount> fiftyUnchanged() throws Exception {
        JsonNode body = new ObjectMapper().readTree(DataApiStub.fixture("channels-refresh-50.json"));
        List<KnownAccount> known = new ArrayList<>();
        for (JsonNode c : body.path("items")) {
            known.add(new KnownAccount(
                    c.path("id").asText(),
                    c.path("snippet").path("customUrl").asText().substring(1),
                    Long.parseLong(c.path("statistics").path("videoCount").asText()),
                    NEWEST_STORED));
        }
        return known;
    }

    private static <T> List<T> all(List<DataRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void fiftyUnchangedChannelsCostExactlyOneRequestAndOneUnit() throws Exception {
        List<KnownAccount> known = fiftyUnchanged();
        assertThat(known).hasSize(50);
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = api.connector().refresh(known, CrawlOptions.DEFAULT, state, records::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.requests()).isEqualTo(1);
        assertThat(api.requests()).isEqualTo(1);
        assertThat(state.load("youtube", "quota:2026-12-07").orElseThrow().cursor())
                .isEqualTo("1");
        assertThat(r.accountIds()).hasSize(50);
        // every channel's profile and today's follower count, nothing else
        assertThat(all(records, Account.class)).hasSize(50);
        assertThat(all(records, FollowerCount.class))
                .hasSize(50)
                .allMatch(f -> f.date().equals(LocalDate.of(2026, 12, 7)));
        assertThat(records).hasSize(100);
        assertThat(all(records, Account.class).get(0).followers()).isEqualTo(4210);
    }

    @Test
    void newVideosAreTheOnlyPostsEmittedWithTheirThreadsAndTodaysFollowerCount() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = api.connector()
                .refresh(
                        List.of(new KnownAccount(CREATOR, "marasbalkongarten", 85L, NEWEST_STORED)),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        records::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(CREATOR);
        assertThat(all(records, Post.class)).extracting(Post::platformId).containsExactly(LONG);
        assertThat(all(records, Comment.class))
                .hasSize(10)
                .allMatch(c -> c.postPlatformId().equals(LONG));
        assertThat(all(records, FollowerCount.class))
                .containsExactly(new FollowerCount(Platform.YOUTUBE, CREATOR, LocalDate.of(2026, 12, 7), 4210));
        assertThat(all(records, Account.class))
                .singleElement()
                .satisfies(a -> assertThat(a.postsCount()).isEqualTo(87L));
        // channels, the first uploads page (it reaches the stored Short), videos.list for the new one, 2 thread pages
        // and the replies one thread did not carry
        assertThat(r.requests()).isEqualTo(6);
        api.server.verify(1, getRequestedFor(urlPathEqualTo("/playlistItems")));
        api.server.verify(1, getRequestedFor(urlPathEqualTo("/videos")).withQueryParam("id", equalTo(LONG)));
    }

    @Test
    void anAccountWithoutStoredPostsGetsItsUploadsUpToThePostLimit() {
        List<DataRecord> records = new ArrayList<>();

        api.connector()
                .refresh(
                        List.of(new KnownAccount(CREATOR, null, null, null)),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        records::add);

        assertThat(all(records, Post.class)).hasSize(4);
    }

    @Test
    void aRefreshStoppedAfterAnyNumberOfRequestsResumesToTheSameRecords() {
        List<KnownAccount> known = List.of(
                new KnownAccount(C1, "koelnerstadtgarten", 212L, Instant.parse("2026-10-02T14:00:00Z")),
                new KnownAccount(CREATOR, "marasbalkongarten", 85L, NEWEST_STORED),
                new KnownAccount(C3, "balkonbienen", 31L, null));
        List<DataRecord> expected = new ArrayList<>();
        CrawlResult whole =
                api.connector().refresh(known, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected::add);
        assertThat(whole.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(whole.problems()).anyMatch(p -> p.contains(C3 + " hides its subscriber count"));
        assertThat(all(expected, Account.class)).extracting(Account::platformId).containsExactly(C1, CREATOR);
        long total = whole.requests();
        assertThat(total).isEqualTo(6);

        for (long stopAfter = 0; stopAfter < total; stopAfter++) {
            api.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();

            CrawlResult first = api.connector()
                    .refresh(known, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records::add);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(api.requests()).isEqualTo(stopAfter);

            CrawlResult second = api.connector().refresh(known, CrawlOptions.DEFAULT, state, records::add);
            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
            assertThat(api.requests()).as("no request repeated").isEqualTo(total);
        }
    }
}
