package io.microreach.connectors.bluesky;

import static io.microreach.connectors.bluesky.AppViewStub.CREATOR;
import static io.microreach.connectors.bluesky.AppViewStub.FANS;
import static io.microreach.connectors.bluesky.AppViewStub.HANDLE;
import static io.microreach.connectors.bluesky.AppViewStub.POST_WITH_THREAD;
import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.connectors.CrawlOptions;
import io.microreach.connectors.CrawlResult;
import io.microreach.connectors.InMemoryCrawlStateStore;
import io.microreach.connectors.StopReason;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.DataRecord;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.conversation.ReplyRate;
import io.microreach.signals.conversation.ReplyRateCalculator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlueskyConnectorTest {
    private AppViewStub appView;
    private final List<DataRecord> records = new ArrayList<>();
    private CrawlResult result;

    @BeforeEach
    void crawlMara() {
        appView = new AppViewStub().creator();
        result = appView.connector()
                .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    private <T> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void mapsTheProfileToAnAccountAndAFollowerCount() {
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.accountIds()).containsExactly(CREATOR);
        Account a = all(Account.class).get(0);
        assertThat(a.platform()).isEqualTo(Platform.BLUESKY);
        assertThat(a.platformId()).isEqualTo(CREATOR);
        assertThat(a.handle()).isEqualTo(HANDLE);
        assertThat(a.displayName()).isEqualTo("Mara 🌱 Gärtnerin");
        assertThat(a.bio()).startsWith("Balkongärten, Saatgut & Kompost");
        assertThat(a.followers()).isEqualTo(4210);
        assertThat(a.following()).isEqualTo(388L);
        assertThat(a.postsCount()).isEqualTo(1532L);
        assertThat(a.verified()).isTrue();
        assertThat(a.country()).isNull();
        assertThat(a.observedAt()).isEqualTo(Instant.parse("2024-11-21T08:00:00Z"));
        assertThat(all(FollowerCount.class))
                .containsExactly(new FollowerCount(Platform.BLUESKY, CREATOR, LocalDate.of(2024, 11, 21), 4210));
    }

    @Test
    void keepsOwnPostsAcrossPagesWithTheirCountsAndLeavesUnreportedCountsNull() {
        Map<String, Post> posts = all(Post.class).stream()
                .collect(Collectors.toMap(
                        p -> p.platformId().substring(p.platformId().lastIndexOf('/') + 1), Function.identity()));
        // 4 own posts over 2 pages; the repost of another account is not Mara's post
        assertThat(posts).containsOnlyKeys("3lbqa2rs5xk2a", "3lbnz5t2vwe2k", "3lbkx3mn2ab2p", "3lbh2c7dvtk2x");

        Post tomatoes = posts.get("3lbqa2rs5xk2a");
        assertThat(tomatoes.accountPlatformId()).isEqualTo(CREATOR);
        assertThat(tomatoes.publishedAt()).isEqualTo(Instant.parse("2024-11-20T09:15:02.311Z"));
        assertThat(tomatoes.format()).isEqualTo(PostFormat.PHOTO);
        assertThat(tomatoes.caption()).startsWith("Erste Tomaten 🍅");
        assertThat(tomatoes.hashtags()).contains("balkongarten", "urbangardening");
        assertThat(tomatoes.likes()).isEqualTo(212L);
        assertThat(tomatoes.comments()).isEqualTo(5L);
        assertThat(tomatoes.shares()).isEqualTo(16L); // 14 reposts + 2 quotes
        assertThat(tomatoes.saves()).isEqualTo(3L);
        assertThat(tomatoes.views()).isNull();
        assertThat(tomatoes.url()).isEqualTo("https://bsky.app/profile/mara.bsky.social/post/3lbqa2rs5xk2a");

        // a createdAt with an offset is read as the instant it names
        assertThat(posts.get("3lbnz5t2vwe2k").publishedAt()).isEqualTo(Instant.parse("2024-11-18T06:45:10Z"));
        assertThat(posts.get("3lbkx3mn2ab2p").format()).isEqualTo(PostFormat.VIDEO);
        Post noCounts = posts.get("3lbh2c7dvtk2x");
        assertThat(noCounts.format()).isEqualTo(PostFormat.TEXT);
        assertThat(noCounts.likes()).isNull();
        assertThat(noCounts.comments()).isNull();
        assertThat(noCounts.shares()).isNull();
    }

    @Test
    void threadRecordsLetTheCoreSeeTheCreatorAnswerThreeOfFiveFans() {
        List<Comment> comments = all(Comment.class);
        assertThat(comments).allMatch(c -> c.postPlatformId().equals(POST_WITH_THREAD));
        Set<String> ids = comments.stream().map(Comment::platformId).collect(Collectors.toSet());
        List<Comment> topLevelByFans = comments.stream()
                .filter(c -> c.parentPlatformId() == null && !CREATOR.equals(c.authorPlatformId()))
                .toList();
        List<Comment> creatorReplies = comments.stream()
                .filter(c -> CREATOR.equals(c.authorPlatformId()))
                .toList();

        assertThat(topLevelByFans).hasSize(5);
        assertThat(creatorReplies).hasSize(3).allMatch(c -> ids.contains(c.parentPlatformId()));
        long answered = topLevelByFans.stream()
                .filter(f ->
                        creatorReplies.stream().anyMatch(r -> f.platformId().equals(r.parentPlatformId())))
                .count();
        assertThat(answered).isEqualTo(3);
        // a fan answering a fan is in the data, but is not a creator answer
        assertThat(comments).hasSize(9);
        assertThat(comments).anyMatch(c -> c.text().equals("番茄看起来很棒！"));
        // the deleted and the blocked reply carry no author: skipped and reported
        assertThat(result.problems()).anyMatch(p -> p.contains("1 deleted and 1 blocked"));
    }

    @Test
    void theCoresReplyRateReadsThreeAnswersOutOfFiveFans() {
        AccountActivity activity = new AccountActivity(
                all(Account.class).get(0), all(Post.class), all(Comment.class), List.of(), List.of(), List.of());

        // judged two weeks later, so that every fan comment has had its 7 days
        ReplyRate rate = new ReplyRateCalculator().measure(activity, Instant.parse("2024-12-04T00:00:00Z"));

        assertThat(rate.available()).isTrue();
        assertThat(rate.rate().successes()).isEqualTo(3);
        assertThat(rate.rate().sampleSize()).isEqualTo(5);
        assertThat(rate.orphanReplies()).isZero();
    }

    @Test
    void samplesFollowersWithTheirCountsWhereTheAppViewHasThem() {
        List<FollowerSample> sample = all(FollowerSample.class);
        assertThat(sample).extracting(FollowerSample::followerPlatformId).containsExactly(FANS);
        assertThat(sample).allMatch(s -> s.accountPlatformId().equals(CREATOR));
        FollowerSample juno = sample.get(0);
        assertThat(juno.followers()).isEqualTo(812L);
        assertThat(juno.following()).isEqualTo(640L);
        assertThat(juno.postsCount()).isEqualTo(1210L);
        assertThat(juno.hasProfilePic()).isTrue();
        assertThat(juno.bio()).isEqualTo("Gärtnert in Köln");
        assertThat(sample.get(1).handle()).isEqualTo("tomás.example.com");
        assertThat(sample.get(2).hasProfilePic()).isFalse();
        // getProfiles did not return fan 4: its counts are unknown, not zero
        FollowerSample kiki = sample.get(3);
        assertThat(kiki.followers()).isNull();
        assertThat(kiki.following()).isNull();
        assertThat(kiki.postsCount()).isNull();
    }

    @Test
    void findsExactlyTheFollowEdgesInsideTheSample() {
        assertThat(all(FollowEdge.class))
                .containsExactlyInAnyOrder(
                        new FollowEdge(Platform.BLUESKY, CREATOR, FANS[0], FANS[1]),
                        new FollowEdge(Platform.BLUESKY, CREATOR, FANS[0], FANS[2]),
                        new FollowEdge(Platform.BLUESKY, CREATOR, FANS[1], FANS[0]));
    }

    @Test
    void anUnknownAccountIsReportedAndTheOthersAreStillCrawled() {
        appView.server.stubFor(AppViewStub.xrpc("app.bsky.actor.getProfile")
                .withQueryParam("actor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("nobody.bsky.social"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(400)
                        .withBody(AppViewStub.fixture("error-profile-not-found.json"))));
        List<DataRecord> more = new ArrayList<>();

        CrawlResult r = appView.connector()
                .fetchCreators(
                        List.of("nobody.bsky.social", CREATOR),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        more::add);

        assertThat(r.accountIds()).containsExactly(CREATOR);
        assertThat(r.problems()).anyMatch(p -> p.contains("nobody.bsky.social not found"));
        assertThat(more).hasSameSizeAs(records);
    }
}
