package io.microreach.connectors.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.microreach.connectors.bluesky.AppViewStub.CREATOR;
import static io.microreach.connectors.bluesky.AppViewStub.CREATORS;
import static io.microreach.connectors.bluesky.AppViewStub.CREATOR_POSTS;
import static io.microreach.connectors.bluesky.AppViewStub.HANDLE;
import static io.microreach.connectors.bluesky.AppViewStub.POST_WITH_THREAD;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.microreach.signals.AccountActivity;
import io.microreach.signals.conversation.ReplyRate;
import io.microreach.signals.conversation.ReplyRateCalculator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refreshing known accounts: one getProfiles per 25 accounts, a feed only where the post count moved, and only the
 * posts newer than the newest stored one, with their threads.
 */
class BlueskyRefreshTest {
    private static final Instant TOMATOES = Instant.parse("2024-11-20T09:15:02.311Z");
    private static final Instant COMPOST = Instant.parse("2024-11-18T06:45:10Z");
    private static final Instant VIDEO = Instant.parse("2024-11-15T16:20:00Z");

    private AppViewStub appView;

    @BeforeEach
    void start() {
        appView = new AppViewStub().refresh();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    /** Mara as last synced, then the 24 creators exactly as the AppView reports them now. */
    private static List<KnownAccount> known(Long maraPosts, Instant maraNewest) {
        List<KnownAccount> out = new ArrayList<>();
        out.add(new KnownAccount(CREATOR, HANDLE, maraPosts, maraNewest));
        for (int i = 0; i < CREATORS.length; i++) {
            out.add(new KnownAccount(CREATORS[i], null, CREATOR_POSTS[i], Instant.parse("2024-11-01T00:00:00Z")));
        }
        return out;
    }

    private CrawlResult refresh(
            List<KnownAccount> accounts, CrawlOptions options, InMemoryCrawlStateStore state, List<DataRecord> sink) {
        return appView.connector().refresh(accounts, options, state, sink::add);
    }

    private static <T> List<T> all(List<DataRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void twentyFiveUnchangedAccountsCostExactlyOneRequest() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(known(1532L, TOMATOES), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(appView.requests()).isEqualTo(1);
        assertThat(r.requests()).isEqualTo(1);
        assertThat(r.accountIds()).hasSize(25).startsWith(CREATOR);
        assertThat(all(records, Account.class)).hasSize(25);
        assertThat(all(records, Post.class)).isEmpty();
        // today's point of every follower history
        assertThat(all(records, FollowerCount.class))
                .hasSize(25)
                .allMatch(c -> c.date().equals(LocalDate.of(2024, 11, 21)))
                .contains(new FollowerCount(Platform.BLUESKY, CREATOR, LocalDate.of(2024, 11, 21), 4210))
                .contains(new FollowerCount(Platform.BLUESKY, CREATORS[0], LocalDate.of(2024, 11, 21), 1977));
        assertThat(records).hasSize(50);
    }

    @Test
    void theRefreshedProfileMapsLikeTheCrawlsAndUnreportedFieldsStayNull() {
        List<DataRecord> records = new ArrayList<>();
        refresh(known(1532L, TOMATOES), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        Account mara = all(records, Account.class).get(0);
        assertThat(mara.platformId()).isEqualTo(CREATOR);
        assertThat(mara.handle()).isEqualTo(HANDLE);
        assertThat(mara.displayName()).isEqualTo("Mara 🌱 Gärtnerin");
        assertThat(mara.followers()).isEqualTo(4210);
        assertThat(mara.following()).isEqualTo(388L);
        assertThat(mara.postsCount()).isEqualTo(1532L);
        assertThat(mara.verified()).isTrue();
        assertThat(mara.country()).isNull();
        assertThat(mara.language()).isNull();
        assertThat(mara.observedAt()).isEqualTo(AppViewStub.OBSERVED);
        // creator 07's profile has no display name, bio or avatar: absent, not empty
        Account bare = all(records, Account.class).stream()
                .filter(a -> a.platformId().equals(CREATORS[6]))
                .findFirst()
                .orElseThrow();
        assertThat(bare.displayName()).isNull();
        assertThat(bare.bio()).isNull();
        assertThat(bare.followers()).isEqualTo(1000 + 7 * 977);
        assertThat(bare.verified()).isFalse();
    }

    @Test
    void newPostsAreTheOnlyPostsEmittedWithTheirThreads() {
        List<DataRecord> records = new ArrayList<>();

        // Mara posted twice since the compost post (a reply and the tomatoes): one feed page, one thread
        CrawlResult r = refresh(known(1530L, COMPOST), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(appView.requests()).isEqualTo(3);
        assertThat(all(records, Post.class)).extracting(Post::platformId).containsExactly(POST_WITH_THREAD);
        Post tomatoes = all(records, Post.class).get(0);
        assertThat(tomatoes.publishedAt()).isEqualTo(TOMATOES);
        assertThat(tomatoes.likes()).isEqualTo(212L);
        assertThat(tomatoes.views()).isNull();
        assertThat(all(records, Comment.class))
                .hasSize(9)
                .allMatch(c -> c.postPlatformId().equals(POST_WITH_THREAD));
        assertThat(all(records, Account.class)).hasSize(25);
        assertThat(all(records, FollowerCount.class)).hasSize(25);
        assertThat(new HashSet<>(records)).hasSameSizeAs(records);
    }

    @Test
    void theCoreReadsThreeAnswersOutOfFiveFansFromTheRefreshedThread() {
        List<DataRecord> records = new ArrayList<>();
        refresh(known(1530L, COMPOST), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);
        Account mara = all(records, Account.class).get(0);

        AccountActivity activity = new AccountActivity(
                mara, all(records, Post.class), all(records, Comment.class), List.of(), List.of(), List.of());
        ReplyRate rate = new ReplyRateCalculator().measure(activity, Instant.parse("2024-12-04T00:00:00Z"));

        assertThat(rate.available()).isTrue();
        assertThat(rate.rate().successes()).isEqualTo(3);
        assertThat(rate.rate().sampleSize()).isEqualTo(5);
    }

    @Test
    void pagingStopsAtTheNewestStoredPostEvenOnTheSecondPage() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(known(1520L, VIDEO), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        // getProfiles, two feed pages, the tomatoes thread; the repost of a friend's post is not Mara's
        assertThat(r.requests()).isEqualTo(4);
        assertThat(all(records, Post.class))
                .extracting(p -> p.platformId().substring(p.platformId().lastIndexOf('/') + 1))
                .containsExactly("3lbqa2rs5xk2a", "3lbnz5t2vwe2k");
    }

    @Test
    void anAccountWithoutAStoredPostCountGetsItsFeed() {
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(
                List.of(new KnownAccount(CREATOR, HANDLE, null, null)),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore(),
                records);

        assertThat(r.requests()).isEqualTo(4);
        assertThat(all(records, Post.class)).hasSize(4);
    }

    @Test
    void aResumedRefreshEmitsExactlyTheRecordsOfAnUninterruptedOne() {
        List<KnownAccount> accounts = known(1520L, VIDEO);
        List<DataRecord> expected = new ArrayList<>();
        CrawlResult all = refresh(accounts, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected);
        long total = all.requests();
        assertThat(total).isEqualTo(4);

        for (long stopAfter = 0; stopAfter < total; stopAfter++) {
            appView.server.resetRequests();
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();

            CrawlResult first = refresh(accounts, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records);
            assertThat(first.stopReason()).as("stop after %d", stopAfter).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(appView.requests()).as("the budget is a hard cap").isEqualTo(stopAfter);
            CrawlResult second = refresh(accounts, CrawlOptions.DEFAULT, state, records);

            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
            assertThat(appView.requests()).as("no request repeated").isEqualTo(total);
        }
    }

    @Test
    void aFinishedRefreshRunAgainInItsScopeFetchesNothing() {
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        refresh(known(1520L, VIDEO), CrawlOptions.DEFAULT, state, new ArrayList<>());
        appView.server.resetRequests();

        CrawlResult again = refresh(known(1520L, VIDEO), CrawlOptions.DEFAULT, state, new ArrayList<>());

        assertThat(again.records()).isZero();
        assertThat(appView.requests()).isZero();
    }

    @Test
    void twentySixAccountsCostTwoRequestsAndAGoneAccountIsReported() {
        List<KnownAccount> accounts = new ArrayList<>(known(1532L, TOMATOES));
        accounts.add(new KnownAccount(AppViewStub.GONE, "gone.bsky.social", 12L, null));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(accounts, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.accountIds()).hasSize(25).doesNotContain(AppViewStub.GONE);
        assertThat(r.problems()).anyMatch(p -> p.contains("did:plc:gone2ab3cd4ef5gh6ij7kl not returned"));
        assertThat(records).hasSize(50);
    }

    @Test
    void aRepeatingFeedCursorEndsTheRefreshOfThatFeed() {
        appView.stub(
                AppViewStub.xrpc("app.bsky.feed.getAuthorFeed")
                        .withQueryParam("actor", equalTo(CREATOR))
                        .withQueryParam("cursor", equalTo("2024-11-18T06:45:10.000Z")),
                "feed-mara-1.json");
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(known(1520L, VIDEO), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.problems()).anyMatch(p -> p.startsWith("refresh-feed:" + CREATOR) && p.contains("came back"));
        assertThat(all(records, Post.class)).hasSize(2);
        assertThat(new HashSet<>(records)).hasSameSizeAs(records);
    }
}
