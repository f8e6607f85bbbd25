package io.microreach.connectors.youtube;

import static io.microreach.connectors.youtube.DataApiStub.CREATOR;
import static io.microreach.connectors.youtube.DataApiStub.FANS;
import static io.microreach.connectors.youtube.DataApiStub.HANDLE;
import static io.microreach.connectors.youtube.DataApiStub.KEY;
import static io.microreach.connectors.youtube.DataApiStub.LONG;
import static io.microreach.connectors.youtube.DataApiStub.NO_COMMENTS;
import static io.microreach.connectors.youtube.DataApiStub.SHORT;
import static io.microreach.connectors.youtube.DataApiStub.TAGGED_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YouTubeConnectorTest {
    private DataApiStub api;
    private final List<DataRecord> records = new ArrayList<>();
    private CrawlResult result;

    @BeforeEach
    void crawlMara() {
        api = new DataApiStub().creator();
        result = api.connector()
                .fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private <T> List<T> all(Class<T> type) {
        return all(records, type);
    }

    private static <T> List<T> all(List<DataRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Map<String, Post> posts() {
        return all(Post.class).stream().collect(Collectors.toMap(Post::platformId, Function.identity()));
    }

    @Test
    void mapsTheChannelToAnAccountAndAFollowerCount() {
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.accountIds()).containsExactly(CREATOR);
        assertThat(result.requests()).isEqualTo(DataApiStub.CREATOR_REQUESTS);
        assertThat(all(Account.class)).hasSize(1);
        Account a = all(Account.class).get(0);
        assertThat(a.platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(a.platformId()).isEqualTo(CREATOR);
        assertThat(a.handle()).isEqualTo(HANDLE); // customUrl without '@', as the import format keeps handles
        assertThat(a.displayName()).isEqualTo("Maras Balkongarten 🌱");
        assertThat(a.bio()).startsWith("Balkongärten, Saatgut & Kompost aus Köln.");
        assertThat(a.country()).isEqualTo("DE");
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.followers()).isEqualTo(4210);
        assertThat(a.postsCount()).isEqualTo(87L);
        assertThat(a.observedAt()).isEqualTo(DataApiStub.OBSERVED);
        // not in the API: stays null (or false for the flags), never a made-up zero
        assertThat(a.following()).isNull();
        assertThat(a.externalUrl()).isNull();
        assertThat(a.contactEmail()).isNull();
        assertThat(a.creatorKey()).isNull();
        assertThat(a.verified()).isFalse();
        assertThat(a.business()).isFalse();
        assertThat(a.creatorAccount()).isFalse();
        assertThat(all(FollowerCount.class))
                .containsExactly(new FollowerCount(Platform.YOUTUBE, CREATOR, LocalDate.of(2026, 12, 7), 4210));
    }

    @Test
    void mapsVideosWithTheirCountsAndLeavesUnreportedCountsNull() {
        Map<String, Post> posts = posts();
        // 5 uploads over 2 pages; the deleted one is skipped and reported
        assertThat(posts).containsOnlyKeys(LONG, SHORT, TAGGED_SHORT, NO_COMMENTS);
        assertThat(result.problems()).anyMatch(p -> p.contains("1 deleted or private video(s) skipped"));

        Post tomatoes = posts.get(LONG);
        assertThat(tomatoes.platform()).isEqualTo(Platform.YOUTUBE);
        assertThat(tomatoes.accountPlatformId()).isEqualTo(CREATOR);
        assertThat(tomatoes.publishedAt()).isEqualTo(Instant.parse("2026-11-20T16:00:07Z"));
        assertThat(tomatoes.format()).isEqualTo(PostFormat.VIDEO); // 12:41
        assertThat(tomatoes.caption())
                .startsWith("Erste Tomaten ernten 🍅 | Balkongarten Vlog\n\nEndlich reif!")
                .contains("#UrbanGardening");
        // the tags (spaces dropped, lower case) first, then the description's hashtags, each once
        assertThat(tomatoes.hashtags()).containsExactly("balkongarten", "tomaten", "urbangardening");
        assertThat(tomatoes.mentions()).containsExactly("saatgutkiste");
        assertThat(tomatoes.views()).isEqualTo(18342L);
        assertThat(tomatoes.likes()).isEqualTo(912L);
        assertThat(tomatoes.comments()).isEqualTo(10L);
        assertThat(tomatoes.shares()).isNull();
        assertThat(tomatoes.saves()).isNull();
        assertThat(tomatoes.followersAtPost()).isNull();
        assertThat(tomatoes.paidPartnership()).isNull();
        assertThat(tomatoes.url()).isEqualTo("https://www.youtube.com/watch?v=" + LONG);

        Post shortOne = posts.get(SHORT);
        assertThat(shortOne.format()).isEqualTo(PostFormat.SHORT); // 45 s
        assertThat(shortOne.url()).isEqualTo("https://www.youtube.com/shorts/" + SHORT);
        assertThat(shortOne.hashtags()).containsExactly("shorts", "balkongarten"); // no tags: the description's

        Post tagged = posts.get(TAGGED_SHORT);
        assertThat(tagged.format()).isEqualTo(PostFormat.SHORT); // 2:30 with #shorts in the title
        assertThat(tagged.likes()).as("likes hidden by the owner").isNull();
        assertThat(tagged.views()).isEqualTo(5120L);

        Post quiet = posts.get(NO_COMMENTS);
        assertThat(quiet.format()).isEqualTo(PostFormat.VIDEO);
        assertThat(quiet.comments()).as("commentCount absent: comments are off").isNull();
        assertThat(quiet.likes()).isEqualTo(88L);
    }

    @Test
    void theShortsRuleReadsTheDurationAndTheText() {
        assertThat(DataApi.format("PT60S", "", List.of())).isEqualTo(PostFormat.SHORT);
        assertThat(DataApi.format("PT1M1S", "", List.of())).isEqualTo(PostFormat.VIDEO);
        assertThat(DataApi.format("PT2M59S", "Kompost #Shorts", List.of())).isEqualTo(PostFormat.SHORT);
        assertThat(DataApi.format("PT2M", "", List.of("shorts"))).isEqualTo(PostFormat.SHORT);
        assertThat(DataApi.format("PT3M1S", "#shorts", List.of())).isEqualTo(PostFormat.VIDEO);
        assertThat(DataApi.format("P0D", "", List.of())).as("live or upcoming").isEqualTo(PostFormat.VIDEO);
        assertThat(DataApi.format(null, "", List.of())).isEqualTo(PostFormat.VIDEO);
        assertThat(DataApi.format("PT1H2M3S", "", List.of())).isEqualTo(PostFormat.VIDEO);
    }

    @Test
    void mapsTopLevelCommentsAndRepliesWithTheirParents() {
        List<Comment> comments = all(Comment.class);
        assertThat(comments).hasSize(10).allMatch(c -> c.postPlatformId().equals(LONG));
        assertThat(comments).allMatch(c -> c.platform() == Platform.YOUTUBE);

        Comment juno = comments.get(0);
        assertThat(juno.platformId()).isEqualTo("UgxLyJ2XQSTGgeJCRRc4AaABAg");
        assertThat(juno.authorPlatformId()).isEqualTo(FANS[0]);
        assertThat(juno.authorHandle()).isEqualTo("juno.gaertnert");
        assertThat(juno.text()).isEqualTo("Wie oft gießt du bei der Hitze? Meine Blätter rollen sich ein.");
        assertThat(juno.createdAt()).isEqualTo(Instant.parse("2026-11-20T17:02:11Z"));
        assertThat(juno.parentPlatformId()).isNull();
        assertThat(juno.likes()).isEqualTo(4L);

        Comment answer = comments.get(1);
        assertThat(answer.platformId()).startsWith(juno.platformId() + ".");
        assertThat(answer.parentPlatformId()).isEqualTo(juno.platformId());
        assertThat(answer.authorPlatformId()).isEqualTo(CREATOR);
        assertThat(answer.authorHandle()).isEqualTo(HANDLE);
        assertThat(answer.createdAt()).isEqualTo(Instant.parse("2026-11-20T19:40:00Z"));
        assertThat(answer.likes()).isEqualTo(2L);

        assertThat(comments).anyMatch(c -> c.text().equals("番茄看起来很棒！是什么品种？"));
        // Kiki's thread carried only a fan's reply; Mara's answer came from comments.list, the fan's not twice
        List<Comment> underKiki = comments.stream()
                .filter(c -> DataApiStub.KIKI_COMMENT.equals(c.parentPlatformId()))
                .toList();
        assertThat(underKiki).extracting(Comment::authorPlatformId).containsExactly(FANS[4], CREATOR);
        assertThat(comments).anyMatch(c -> c.authorHandle().equals("tomás.huerta"));
        // comments disabled on one video: a problem for that video, the crawl completed
        assertThat(result.problems()).anyMatch(p -> p.equals("video " + NO_COMMENTS + ": comments are disabled"));
    }

    @Test
    void theCoresReplyRateReadsThreeAnswersOutOfFiveFans() {
        AccountActivity activity = new AccountActivity(
                all(Account.class).get(0), all(Post.class), all(Comment.class), List.of(), List.of(), List.of());

        ReplyRate rate = new ReplyRateCalculator().measure(activity, DataApiStub.OBSERVED);

        assertThat(rate.available()).isTrue();
        assertThat(rate.rate().successes()).isEqualTo(3);
        assertThat(rate.rate().sampleSize()).isEqualTo(5);
        assertThat(rate.orphanReplies()).isZero();
    }

    @Test
    void emitsNoFollowerSampleOrEdge() {
        assertThat(all(FollowerSample.class)).isEmpty();
        assertThat(all(FollowEdge.class)).isEmpty();
        assertThat(records).hasSize(1 + 1 + 4 + 10);
    }

    @Test
    void aHandleAUrlAndAnIdOfTheSameChannelGiveItOnce() {
        List<DataRecord> more = new ArrayList<>();
        CrawlResult r = api.connector()
                .fetchCreators(
                        List.of(
                                "@" + HANDLE,
                                "https://www.youtube.com/channel/" + CREATOR,
                                "https://www.youtube.com/@" + HANDLE + "/videos",
                                HANDLE.toUpperCase(java.util.Locale.ROOT),
                                CREATOR),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        more::add);

        assertThat(r.accountIds()).containsExactly(CREATOR);
        assertThat(all(more, Account.class)).hasSize(1);
        assertThat(more).containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void aHiddenSubscriberCountAnUnknownIdAndAnUnknownHandleAreReportedAndTheOthersStillCrawled() {
        List<DataRecord> more = new ArrayList<>();

        CrawlResult r = api.connector()
                .fetchCreators(
                        List.of(DataApiStub.C3, "UCn0b0dyH3r3n0b0dyH3r3xA", "@nobody.here", CREATOR),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        more::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(CREATOR);
        assertThat(r.problems())
                .anyMatch(p -> p.equals("channel " + DataApiStub.C3 + " hides its subscriber count; not stored"))
                .anyMatch(p -> p.equals("channel UCn0b0dyH3r3n0b0dyH3r3xA not found"))
                .anyMatch(p -> p.equals("handle @nobody.here not found"));
        assertThat(more).containsExactlyElementsOf(records);
    }

    @Test
    void aChannelWhoseUploadsPlaylistIsNotFoundIsStoredAndReportedOnce() {
        api.server.stubFor(DataApiStub.api("playlistItems")
                .withQueryParam("playlistId", WireMock.equalTo("UU" + DataApiStub.C1.substring(2)))
                .willReturn(DataApiStub.error(404, "error-playlist-not-found.json")));
        InMemoryCrawlStateStore state = new InMemoryCrawlStateStore();
        List<DataRecord> more = new ArrayList<>();

        CrawlResult r = api.connector().fetchCreators(List.of(DataApiStub.C1), CrawlOptions.DEFAULT, state, more::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(DataApiStub.C1);
        assertThat(all(more, Account.class)).extracting(Account::followers).containsExactly(5_300L);
        assertThat(all(more, Post.class)).isEmpty();
        assertThat(r.problems()).anyMatch(p -> p.contains("not found (playlistNotFound)"));
        api.server.resetRequests();
        CrawlResult again =
                api.connector().fetchCreators(List.of(DataApiStub.C1), CrawlOptions.DEFAULT, state, more::add);
        assertThat(again.requests())
                .as("a missing playlist is final, not retried by every run")
                .isZero();
    }

    @Test
    void theKeyIsSentButNeverReported() {
        api.server.stubFor(DataApiStub.api("playlistItems")
                .atPriority(1)
                .willReturn(WireMock.aResponse()
                        .withStatus(400)
                        .withBody("{\"error\":{\"code\":400,\"message\":\"Invalid page token.\",\"errors\":[{"
                                + "\"message\":\"Invalid page token.\",\"domain\":\"youtube.parameter\","
                                + "\"reason\":\"invalidPageToken\"}]}}")));

        CrawlResult r = api.connector()
                .fetchCreators(List.of(CREATOR), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), x -> {});

        assertThat(r.problems()).anyMatch(p -> p.contains("answered 400") && p.contains("key=***"));
        assertThat(r.problems()).noneMatch(p -> p.contains(KEY));
        api.server.verify(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/playlistItems"))
                .withQueryParam("key", WireMock.equalTo(KEY)));
    }

    @Test
    void readsChannelReferences() {
        assertThat(ChannelRef.parse(CREATOR)).isEqualTo(new ChannelRef(CREATOR, null));
        assertThat(ChannelRef.parse("https://www.youtube.com/channel/" + CREATOR + "/about"))
                .isEqualTo(new ChannelRef(CREATOR, null));
        assertThat(ChannelRef.parse("youtube.com/@Mara.Garten")).isEqualTo(new ChannelRef(null, "Mara.Garten"));
        assertThat(ChannelRef.parse("https://m.youtube.com/@tomás.huerta"))
                .isEqualTo(new ChannelRef(null, "tomás.huerta"));
        assertThat(ChannelRef.parse("@mara")).isEqualTo(new ChannelRef(null, "mara"));
        assertThat(ChannelRef.parse("https://www.youtube.com/watch?v=" + LONG)).isNull();
        assertThat(ChannelRef.parse("https://example.com/@mara")).isNull();
        assertThat(ChannelRef.parse("two words")).isNull();
    }
}
