package io.microreach.connectors.instagram;

import static io.microreach.connectors.instagram.GraphStub.LENA;
import static io.microreach.connectors.instagram.GraphStub.TOMAS;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.KnownAccount;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
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

/**
 * A refresh costs one call per known account (the profile and a small first media page come together) and emits
 * the account, today's follower count and only the media newer than the newest stored post.
 */
class InstagramRefreshTest {
    private static final Instant LENA_NEWEST = Instant.parse("2024-11-20T17:32:08Z");
    private static final Instant TOMAS_NEWEST = Instant.parse("2024-11-19T08:12:40Z");

    private GraphStub graph;
    private final List<DataRecord> records = new ArrayList<>();

    @BeforeEach
    void start() {
        graph = new GraphStub().creators();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private CrawlResult refresh(List<KnownAccount> known, CrawlOptions options, InMemoryCrawlStateStore state) {
        return graph.connector().refresh(known, options, state, records::add);
    }

    private List<String> postIds() {
        return records.stream()
                .filter(Post.class::isInstance)
                .map(r -> ((Post) r).platformId())
                .toList();
    }

    @Test
    void nothingChangedCostsExactlyOneRequestPerAccountAndEmitsTodaysFollowerCount() {
        CrawlResult r = refresh(
                List.of(
                        new KnownAccount(LENA, "lena.kocht", 734L, LENA_NEWEST),
                        new KnownAccount(TOMAS, "tomas.backt", 286L, TOMAS_NEWEST)),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore());

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(LENA, TOMAS);
        assertThat(r.requests()).isEqualTo(2);
        assertThat(graph.requests()).isEqualTo(2);
        assertThat(postIds()).isEmpty();
        assertThat(records.stream().filter(Account.class::isInstance)).hasSize(2);
        assertThat(records.stream().filter(FollowerCount.class::isInstance))
                .containsExactly(
                        new FollowerCount(Platform.INSTAGRAM, LENA, LocalDate.of(2024, 11, 21), 18452),
                        new FollowerCount(Platform.INSTAGRAM, TOMAS, LocalDate.of(2024, 11, 21), 8120));
        // the same call as a crawl, with a small media page
        assertThat(graph.server.getAllServeEvents())
                .allMatch(e ->
                        e.getRequest().queryParameter("fields").firstValue().contains(".limit(10){"));
    }

    @Test
    void newPostsOnTheFirstPageAreEmittedWithoutPagingFurther() {
        CrawlResult r = refresh(
                List.of(new KnownAccount(LENA, "lena.kocht", 732L, Instant.parse("2024-11-14T00:00:00Z"))),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore());

        // the reel and the carousel are new; the photo of Nov 12 is stored already, so page 2 is not needed
        assertThat(postIds()).containsExactly("18047392755021873", "17921836540963108");
        assertThat(r.requests()).isEqualTo(1);
        assertThat(records.get(0)).isInstanceOf(Account.class);
        assertThat(records.get(1))
                .isEqualTo(new FollowerCount(Platform.INSTAGRAM, LENA, LocalDate.of(2024, 11, 21), 18452));
    }

    @Test
    void aFirstPageOfOnlyNewPostsIsFollowedByTheNextPage() {
        CrawlResult r = refresh(
                List.of(new KnownAccount(LENA, "lena.kocht", 730L, Instant.parse("2024-11-01T00:00:00Z"))),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore());

        assertThat(postIds())
                .containsExactly("18047392755021873", "17921836540963108", "18309451287154620", "17999034512688231");
        assertThat(r.requests()).isEqualTo(2);
        assertThat(records.stream().filter(Account.class::isInstance)).hasSize(1);
    }

    @Test
    void anAccountWithNoStoredPostGetsItsRecentPosts() {
        refresh(
                List.of(new KnownAccount(LENA, "lena.kocht", null, null)),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore());

        assertThat(postIds()).hasSize(5);
    }

    @Test
    void aRefreshStoppedAfterAnyNumberOfRequestsResumesToTheSameRecords() {
        List<KnownAccount> known = List.of(
                new KnownAccount(LENA, "lena.kocht", 730L, Instant.parse("2024-11-01T00:00:00Z")),
                new KnownAccount(TOMAS, "tomas.backt", 285L, Instant.parse("2024-11-15T00:00:00Z")));
        refresh(known, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore());
        List<DataRecord> expected = List.copyOf(records);
        assertThat(graph.requests()).isEqualTo(3);

        for (int stopAfter = 0; stopAfter < 3; stopAfter++) {
            records.clear();
            graph.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();

            CrawlResult first = refresh(known, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state);
            assertThat(first.stopReason()).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(graph.requests()).as("the budget is a hard cap").isEqualTo(stopAfter);
            CrawlResult second = refresh(known, CrawlOptions.DEFAULT, state);

            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
            assertThat(graph.requests()).as("no request repeated").isEqualTo(3);
        }
    }

    @Test
    void aFinishedRefreshRunAgainInTheSameScopeFetchesNothing() {
        List<KnownAccount> known = List.of(new KnownAccount(LENA, "lena.kocht", 734L, LENA_NEWEST));
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        refresh(known, CrawlOptions.DEFAULT, state);
        graph.server.resetRequests();
        records.clear();

        CrawlResult again = refresh(known, CrawlOptions.DEFAULT, state);

        assertThat(again.accountIds()).containsExactly(LENA);
        assertThat(records).isEmpty();
        assertThat(graph.requests()).isZero();
    }

    @Test
    void aUsernameThatNowBelongsToAnotherAccountIsReportedNotMerged() {
        CrawlResult r = refresh(
                List.of(new KnownAccount("17841499999999999", "lena.kocht", 10L, LENA_NEWEST)),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore());

        assertThat(r.accountIds()).isEmpty();
        assertThat(records).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("now belongs to " + LENA);
    }

    @Test
    void anAccountWithoutAHandleCannotBeLookedUpAndCostsNothing() {
        CrawlResult r = refresh(
                List.of(new KnownAccount(LENA, null, 734L, LENA_NEWEST)),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore());

        assertThat(r.problems()).singleElement().asString().contains("no valid Instagram username");
        assertThat(r.requests()).isZero();
    }
}
