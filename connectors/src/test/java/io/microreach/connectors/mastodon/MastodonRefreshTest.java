package io.microreach.connectors.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.microreach.connectors.mastodon.InstanceStub.CREATOR;
import static io.microreach.connectors.mastodon.InstanceStub.CREATOR_LOCAL;
import static io.microreach.connectors.mastodon.InstanceStub.HANDLE;
import static io.microreach.connectors.mastodon.InstanceStub.HOST;
import static io.microreach.connectors.mastodon.InstanceStub.S0;
import static io.microreach.connectors.mastodon.InstanceStub.api;
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
import io.microreach.domain.FollowerSample;
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
 * A refresh costs one request for an account whose {@code statuses_count} did not move, and otherwise fetches only the
 * statuses newer than the newest stored post and the threads of those, never the follower sample again.
 */
class MastodonRefreshTest {
    /** Published time of the newest post the app holds (S1 in the fixtures). */
    private static final Instant NEWEST = Instant.parse("2024-11-20T09:15:02.311Z");

    private static final KnownAccount UNCHANGED = new KnownAccount(CREATOR, HANDLE, 2291L, NEWEST);

    private InstanceStub instance;

    @BeforeEach
    void start() {
        instance = new InstanceStub();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    /** The instance a day later: one new post (with 2 replies) above the stored ones, 11 more followers. */
    private void oneNewPost() {
        instance.stub(api("/api/v1/accounts/" + CREATOR_LOCAL), "account-ines-new.json");
        String statuses = "/api/v1/accounts/" + CREATOR_LOCAL + "/statuses";
        instance.stubPaged(
                api(statuses).withQueryParam("max_id", absent()),
                "statuses-ines-new.json",
                statuses + "?exclude_replies=true&exclude_reblogs=true&limit=40",
                "113520207741230021",
                S0);
        instance.stub(api("/api/v1/statuses/" + S0 + "/context"), "context-s0.json");
    }

    private CrawlResult refresh(
            KnownAccount known, CrawlOptions options, InMemoryCrawlStateStore state, List<DataRecord> out) {
        return instance.connector().refresh(List.of(known), options, state, out::add);
    }

    @Test
    void anUnchangedAccountCostsExactlyOneRequest() {
        instance.creator();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(UNCHANGED, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.requests()).isEqualTo(1);
        assertThat(instance.requests()).isEqualTo(1);
        instance.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + CREATOR_LOCAL)));
        assertThat(r.accountIds()).containsExactly(CREATOR);
        // the profile and today's point of the follower history, nothing else
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(Account.class);
        assertThat(records.get(1))
                .isEqualTo(new FollowerCount(Platform.MASTODON, CREATOR, LocalDate.of(2024, 11, 21), 3870));
    }

    @Test
    void newPostsAloneAreEmittedWithTheirThreadsAndTodaysFollowerCount() {
        oneNewPost();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(UNCHANGED, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        // account, one status page (it reaches the stored post), the new post's context
        assertThat(r.requests()).isEqualTo(3);
        assertThat(records.stream().filter(Post.class::isInstance).map(p -> ((Post) p).platformId()))
                .containsExactly(HOST + ":" + S0);
        assertThat(records.stream().filter(Comment.class::isInstance)).hasSize(2);
        assertThat(records).contains(new FollowerCount(Platform.MASTODON, CREATOR, LocalDate.of(2024, 11, 21), 3881));
        assertThat(records.stream().filter(Account.class::isInstance).map(a -> ((Account) a).postsCount()))
                .containsExactly(2292L);
        assertThat(records).noneMatch(FollowerSample.class::isInstance);
        assertThat(records).hasSize(2 + 1 + 2);
        // the second status page was never asked for: the first reached the stored post
        instance.server.verify(
                0,
                getRequestedFor(urlPathEqualTo("/api/v1/accounts/" + CREATOR_LOCAL + "/statuses"))
                        .withQueryParam("max_id", equalTo("113520207741230021")));
    }

    @Test
    void aRefreshStoppedByItsBudgetResumesToTheSameRecords() {
        oneNewPost();
        List<DataRecord> expected = new ArrayList<>();
        refresh(UNCHANGED, CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), expected);

        for (int stopAfter = 0; stopAfter < 3; stopAfter++) {
            InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
            List<DataRecord> records = new ArrayList<>();
            CrawlResult first = refresh(UNCHANGED, CrawlOptions.DEFAULT.withMaxRequests(stopAfter), state, records);
            assertThat(first.stopReason()).as("stop after %d", stopAfter).isEqualTo(StopReason.REQUEST_BUDGET);
            assertThat(first.requests()).isEqualTo(stopAfter);

            instance.server.resetRequests();
            CrawlResult second = refresh(UNCHANGED, CrawlOptions.DEFAULT, state, records);

            assertThat(second.stopReason()).isEqualTo(StopReason.COMPLETED);
            assertThat(second.requests()).as("only what the first run left").isEqualTo(3 - stopAfter);
            assertThat(records).as("stop after %d, then resume", stopAfter).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void anAccountWithoutStoredPostsGetsItsRecentPosts() {
        instance.creator();
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = refresh(
                new KnownAccount(CREATOR, HANDLE, null, null),
                CrawlOptions.DEFAULT,
                new InMemoryCrawlStateStore(),
                records);

        // account, 2 status pages, 1 context; no followers
        assertThat(r.requests()).isEqualTo(4);
        assertThat(records.stream().filter(Post.class::isInstance)).hasSize(4);
        assertThat(records.stream().filter(Comment.class::isInstance)).hasSize(10);
        assertThat(records).noneMatch(FollowerSample.class::isInstance);
    }

    @Test
    void unknownAndForeignAccountsAreReportedWithoutStoppingTheOthers() {
        instance.creator();
        instance.server.stubFor(api("/api/v1/accounts/1").willReturn(InstanceStub.notFound()));
        List<DataRecord> records = new ArrayList<>();

        CrawlResult r = instance.connector()
                .refresh(
                        List.of(
                                new KnownAccount(HOST + ":1", null, 10L, null),
                                new KnownAccount("chaos.social:42", null, 10L, null),
                                new KnownAccount("chaos.social:43", "ines_kocht@mastodon.social", 2291L, NEWEST)),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        records::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(CREATOR);
        assertThat(r.problems()).anyMatch(p -> p.contains(HOST + ":1 not found"));
        assertThat(r.problems()).anyMatch(p -> p.contains("chaos.social:42") && p.contains("no handle"));
        // an id of another instance means nothing here: the handle is looked up instead
        assertThat(r.requests()).isEqualTo(2);
        assertThat(records).hasSize(2);
    }
}
