package io.microreach.connectors.instagram;

import static io.microreach.connectors.instagram.GraphStub.LENA;
import static io.microreach.connectors.instagram.GraphStub.TOMAS;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field-by-field mapping of Business Discovery answers, and what the source cannot see staying absent. */
class InstagramConnectorTest {
    private GraphStub graph;
    private final List<DataRecord> records = new ArrayList<>();
    private CrawlResult result;

    @BeforeEach
    void crawlLena() {
        graph = new GraphStub().creators();
        result = graph.connector()
                .fetchCreators(
                        List.of("lena.kocht"), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), records::add);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private <T> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Map<String, Post> posts() {
        return all(Post.class).stream().collect(Collectors.toMap(Post::platformId, Function.identity()));
    }

    @Test
    void mapsTheProfileToAnAccountAndAFollowerCount() {
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.accountIds()).containsExactly(LENA);
        assertThat(result.problems()).isEmpty();
        assertThat(all(Account.class)).hasSize(1);
        Account a = all(Account.class).get(0);
        assertThat(a.platform()).isEqualTo(Platform.INSTAGRAM);
        assertThat(a.platformId()).isEqualTo(LENA);
        assertThat(a.handle()).isEqualTo("lena.kocht");
        assertThat(a.displayName()).isEqualTo("Lena Kocht 🍲 | Saisonal & regional");
        assertThat(a.bio()).startsWith("Rezepte aus dem Kiez 🥕 Berlin-Neukölln\nNeue Reels");
        assertThat(a.followers()).isEqualTo(18452);
        assertThat(a.following()).isEqualTo(612L);
        assertThat(a.postsCount()).isEqualTo(734L);
        assertThat(a.externalUrl()).isEqualTo("https://lenakocht.de/rezepte");
        assertThat(a.observedAt()).isEqualTo(GraphStub.OBSERVED);
        // what Business Discovery does not expose stays unknown
        assertThat(a.country()).isNull();
        assertThat(a.language()).isNull();
        assertThat(a.contactEmail()).isNull();
        assertThat(a.creatorKey()).isNull();
        assertThat(a.verified()).isFalse();
        assertThat(all(FollowerCount.class))
                .containsExactly(new FollowerCount(Platform.INSTAGRAM, LENA, LocalDate.of(2024, 11, 21), 18452));
    }

    @Test
    void mapsEachMediaTypeAcrossBothPages() {
        Map<String, Post> posts = posts();
        assertThat(all(Post.class))
                .extracting(Post::platformId)
                .containsExactly(
                        "18047392755021873",
                        "17921836540963108",
                        "18309451287154620",
                        "17999034512688231",
                        "17880416392157734");
        assertThat(all(Post.class)).allMatch(p -> p.accountPlatformId().equals(LENA));
        assertThat(all(Post.class)).allMatch(p -> p.platform() == Platform.INSTAGRAM);

        Post reel = posts.get("18047392755021873");
        assertThat(reel.format()).isEqualTo(PostFormat.REEL);
        assertThat(reel.publishedAt()).isEqualTo(Instant.parse("2024-11-20T17:32:08Z"));
        assertThat(reel.caption()).startsWith("Kürbis-Ramen in 20 Minuten 🍜🎃");
        assertThat(reel.hashtags()).containsExactly("herbstrezepte", "ramen", "kürbis", "veggie");
        assertThat(reel.mentions()).containsExactly("tomas.backt", "kiki_isst");
        assertThat(reel.likes()).isEqualTo(1843L);
        assertThat(reel.comments()).isEqualTo(97L);
        assertThat(reel.url()).isEqualTo("https://www.instagram.com/reel/DCmX3pTtq7R/");

        assertThat(posts.get("17921836540963108").format()).isEqualTo(PostFormat.CAROUSEL);
        assertThat(posts.get("18309451287154620").format()).isEqualTo(PostFormat.PHOTO);
        // a VIDEO whose product type is FEED is a feed video, not a reel
        Post feedVideo = posts.get("17999034512688231");
        assertThat(feedVideo.format()).isEqualTo(PostFormat.VIDEO);
        assertThat(feedVideo.hashtags()).containsExactly("ramen", "札幌", "misoramen");
        assertThat(feedVideo.publishedAt()).isEqualTo(Instant.parse("2024-11-02T19:20:31Z"));
    }

    @Test
    void countsTheSourceDoesNotReportStayNullNeverZero() {
        Map<String, Post> posts = posts();
        // the owner hides like counts on this carousel: like_count is absent from the answer
        Post hiddenLikes = posts.get("17921836540963108");
        assertThat(hiddenLikes.likes()).isNull();
        assertThat(hiddenLikes.comments()).isEqualTo(41L);
        // a photo without caption: no caption, no tags; a reported 0 comments stays 0
        Post noCaption = posts.get("18309451287154620");
        assertThat(noCaption.caption()).isNull();
        assertThat(noCaption.hashtags()).isEmpty();
        assertThat(noCaption.mentions()).isEmpty();
        assertThat(noCaption.comments()).isZero();
        assertThat(noCaption.likes()).isEqualTo(512L);
        // Instagram shows no shares or saves publicly; Business Discovery no views or reach, no partnership label
        assertThat(all(Post.class)).allSatisfy(p -> {
            assertThat(p.shares()).isNull();
            assertThat(p.saves()).isNull();
            assertThat(p.views()).isNull();
            assertThat(p.followersAtPost()).isNull();
            assertThat(p.paidPartnership()).isNull();
        });
    }

    @Test
    void emitsNoFollowersEdgesOrCommentsBecauseBusinessDiscoveryShowsNone() {
        assertThat(all(FollowerSample.class)).isEmpty();
        assertThat(all(FollowEdge.class)).isEmpty();
        assertThat(all(Comment.class)).isEmpty();
        assertThat(records).hasSize(1 + 1 + 5);
        // the profile and first page in one call, the second page in another
        assertThat(result.requests()).isEqualTo(2);
        assertThat(graph.requests()).isEqualTo(2);
    }

    @Test
    void theCoresReplyRateIsUnavailableNotZeroWithoutComments() {
        AccountActivity activity = new AccountActivity(
                all(Account.class).get(0), all(Post.class), all(Comment.class), List.of(), List.of(), List.of());

        ReplyRate rate = new ReplyRateCalculator().measure(activity, Instant.parse("2024-12-04T00:00:00Z"));

        // posts report comment counts, but Business Discovery hands out no comment: no rate, and a reason
        assertThat(rate.available()).isFalse();
        assertThat(rate.rate()).isNull();
        assertThat(rate.unavailableReason()).isNotBlank();
    }

    @Test
    void acceptsUsernamesHandlesAndProfileUrls() {
        List<DataRecord> more = new ArrayList<>();

        CrawlResult r = graph.connector()
                .fetchCreators(
                        List.of("https://instagram.com/Tomas.Backt?igsh=MWx0dGc4", "@lena.kocht", "not a name!"),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        more::add);

        assertThat(r.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(r.accountIds()).containsExactly(TOMAS, LENA);
        assertThat(r.problems()).singleElement().asString().contains("not a name!");
        // the invalid name cost no request: Tomás 1, Lena 2
        assertThat(r.requests()).isEqualTo(3);
    }

    @Test
    void usernamesAreNormalisedBeforeTheyReachTheFieldExpression() {
        assertThat(Usernames.normalize("lena.kocht")).isEqualTo("lena.kocht");
        assertThat(Usernames.normalize(" @Lena.Kocht ")).isEqualTo("lena.kocht");
        assertThat(Usernames.normalize("https://www.instagram.com/lena.kocht/")).isEqualTo("lena.kocht");
        assertThat(Usernames.normalize("http://m.instagram.com/lena.kocht")).isEqualTo("lena.kocht");
        assertThat(Usernames.normalize("instagram.com/lena.kocht/?hl=de")).isEqualTo("lena.kocht");
        assertThat(Usernames.normalize("lena){id}")).isNull();
        assertThat(Usernames.normalize("a".repeat(31))).isNull();
        assertThat(Usernames.normalize("https://www.instagram.com/p/DCmX3pTtq7R/"))
                .isNull();
        assertThat(Usernames.normalize("")).isNull();
    }

    @Test
    void readsGraphTimestampsWithAnOffsetWithoutColon() {
        assertThat(GraphApi.instant("2024-11-18T06:45:10+0000")).isEqualTo(Instant.parse("2024-11-18T06:45:10Z"));
        assertThat(GraphApi.instant("2024-11-18T08:45:10+0200")).isEqualTo(Instant.parse("2024-11-18T06:45:10Z"));
        assertThat(GraphApi.instant("2024-11-18T06:45:10Z")).isEqualTo(Instant.parse("2024-11-18T06:45:10Z"));
        assertThat(GraphApi.instant("yesterday")).isNull();
    }

    @Test
    void mapsMediaTypesToFormats() {
        assertThat(GraphApi.format("IMAGE", "FEED")).isEqualTo(PostFormat.PHOTO);
        assertThat(GraphApi.format("CAROUSEL_ALBUM", "FEED")).isEqualTo(PostFormat.CAROUSEL);
        assertThat(GraphApi.format("VIDEO", "REELS")).isEqualTo(PostFormat.REEL);
        assertThat(GraphApi.format("VIDEO", "FEED")).isEqualTo(PostFormat.VIDEO);
        assertThat(GraphApi.format("VIDEO", null)).isEqualTo(PostFormat.VIDEO);
        assertThat(GraphApi.format("VIDEO", "STORY")).isEqualTo(PostFormat.STORY);
        assertThat(GraphApi.format("HOLOGRAM", "FEED")).isNull();
        assertThat(GraphApi.format(null, null)).isNull();
    }

    @Test
    void sendsTheDocumentedFieldExpressionWithTheTokenAsAParameter() {
        var first = graph.server.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> !r.queryParameter("fields").firstValue().contains(".after("))
                .findFirst()
                .orElseThrow();
        assertThat(first.queryParameter("fields").firstValue())
                .isEqualTo("business_discovery.username(lena.kocht){id,username,name,biography,website,"
                        + "followers_count,follows_count,media_count,profile_picture_url,media.limit(50){id,caption,"
                        + "comments_count,like_count,media_type,media_product_type,timestamp,permalink}}");
        assertThat(first.queryParameter("access_token").firstValue()).isEqualTo(GraphStub.TOKEN);
        var second = graph.server.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.queryParameter("fields").firstValue().contains(".after("))
                .findFirst()
                .orElseThrow();
        // later pages ask for the id alone besides the media, and for no more than the posts still wanted
        assertThat(second.queryParameter("fields").firstValue())
                .startsWith("business_discovery.username(lena.kocht){id,username,media.after(" + GraphStub.LENA_PAGE_2
                        + ").limit(47){");
    }
}
