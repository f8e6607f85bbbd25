package io.microreach.connectors.mastodon;

import static io.microreach.connectors.mastodon.InstanceStub.CREATOR;
import static io.microreach.connectors.mastodon.InstanceStub.FANS;
import static io.microreach.connectors.mastodon.InstanceStub.HANDLE;
import static io.microreach.connectors.mastodon.InstanceStub.HOST;
import static io.microreach.connectors.mastodon.InstanceStub.S1;
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

/** Field by field mapping of the fixtures, and the planted truth the core must read back from the records. */
class MastodonConnectorTest {
    private InstanceStub instance;
    private final List<DataRecord> records = new ArrayList<>();
    private CrawlResult result;

    @BeforeEach
    void crawlInes() {
        instance = new InstanceStub().creator();
        result = instance.connector()
                .fetchCreators(
                        List.of("https://mastodon.social/@ines_kocht"),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        records::add);
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    private <T> List<T> all(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String id(String local) {
        return HOST + ":" + local;
    }

    @Test
    void mapsTheAccountToAnAccountAndAFollowerCount() {
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.accountIds()).containsExactly(CREATOR);
        assertThat(result.requests()).isEqualTo(InstanceStub.CREATOR_REQUESTS);
        Account a = all(Account.class).get(0);
        assertThat(a.platform()).isEqualTo(Platform.MASTODON);
        assertThat(a.platformId()).isEqualTo("mastodon.social:109302736583401234");
        assertThat(a.handle()).isEqualTo(HANDLE);
        assertThat(a.displayName()).isEqualTo("Ines 🍲 kocht saisonal");
        // HTML note: tags gone, entities decoded, <br /> a line break, paragraphs a blank line
        assertThat(a.bio())
                .isEqualTo("Saisonal & regional kochen – Rezepte aus meiner Küche in Leipzig.\n"
                        + "Mehr unter #kochen\n\nSie/ihr · \"Gemüse zuerst\"");
        assertThat(a.followers()).isEqualTo(3870);
        assertThat(a.following()).isEqualTo(412L);
        assertThat(a.postsCount()).isEqualTo(2291L);
        // the verified (rel="me") profile link, its &amp; decoded
        assertThat(a.externalUrl()).isEqualTo("https://ines-kocht.example.de/?ref=masto&lang=de");
        assertThat(a.verified()).isFalse();
        assertThat(a.country()).isNull();
        assertThat(a.language()).isNull();
        assertThat(a.contactEmail()).isNull();
        assertThat(a.observedAt()).isEqualTo(InstanceStub.OBSERVED);
        assertThat(all(FollowerCount.class))
                .containsExactly(new FollowerCount(Platform.MASTODON, CREATOR, LocalDate.of(2024, 11, 21), 3870));
    }

    @Test
    void keepsPostsAcrossPagesWithTheirCountsAndSkipsTheSelfReply() {
        Map<String, Post> posts =
                all(Post.class).stream().collect(Collectors.toMap(Post::platformId, Function.identity()));
        // 4 posts over 2 pages; the reply to her own post is a thread continuation, not a post
        assertThat(posts)
                .containsOnlyKeys(id(S1), id("113509874420019843"), id("113486230019384712"), id("113470011923847263"));

        Post soup = posts.get(id(S1));
        assertThat(soup.accountPlatformId()).isEqualTo(CREATOR);
        assertThat(soup.publishedAt()).isEqualTo(Instant.parse("2024-11-20T09:15:02.311Z"));
        assertThat(soup.format()).isEqualTo(PostFormat.PHOTO);
        assertThat(soup.caption())
                .isEqualTo("Kürbissuppe mit Ingwer & Kokos 🎃 – das Rezept steht im Blog. Danke @juno und @tomas fürs"
                        + " Testkochen!\n\n#Kürbissuppe #herbst #kochen");
        assertThat(soup.hashtags()).containsExactly("kürbissuppe", "herbst", "kochen");
        // mentions[].acct, local accounts qualified with the instance
        assertThat(soup.mentions()).containsExactly("juno@mastodon.social", "tomas@chaos.social");
        assertThat(soup.likes()).isEqualTo(212L);
        assertThat(soup.comments()).isEqualTo(11L);
        assertThat(soup.shares()).isEqualTo(16L);
        assertThat(soup.saves()).isNull();
        assertThat(soup.views()).isNull();
        assertThat(soup.followersAtPost()).isNull();
        assertThat(soup.paidPartnership()).isNull();
        assertThat(soup.url()).isEqualTo("https://mastodon.social/@ines_kocht/" + S1);

        Post onions = posts.get(id("113509874420019843"));
        assertThat(onions.format()).isEqualTo(PostFormat.VIDEO);
        // the content warning is part of what she wrote
        assertThat(onions.caption()).isEqualTo("Messer-Video\n\nWie ich Zwiebeln schneide, ohne zu weinen (fast).");
        Post market = posts.get(id("113486230019384712"));
        assertThat(market.format()).isEqualTo(PostFormat.CAROUSEL);
        assertThat(market.caption())
                .isEqualTo("Markt-Ausbeute heute:\n– Rote Bete\n– Grünkohl\n– Quitten\n\n#wochenmarkt");
        Post text = posts.get(id("113470011923847263"));
        assertThat(text.format()).isEqualTo(PostFormat.TEXT);
        assertThat(text.caption()).isEqualTo("Suppe > Salat. Change my mind.");
        assertThat(text.likes()).isEqualTo(12L);
        assertThat(text.shares()).isZero();
        assertThat(text.hashtags()).isEmpty();
    }

    @Test
    void threadRecordsLetTheCoreSeeTheCreatorAnswerThreeOfFiveFans() {
        List<Comment> comments = all(Comment.class);
        assertThat(comments).hasSize(10).allMatch(c -> c.postPlatformId().equals(id(S1)));
        Set<String> ids = comments.stream().map(Comment::platformId).collect(Collectors.toSet());
        List<Comment> topLevelByFans = comments.stream()
                .filter(c -> c.parentPlatformId() == null && !CREATOR.equals(c.authorPlatformId()))
                .toList();
        List<Comment> creatorReplies = comments.stream()
                .filter(c -> CREATOR.equals(c.authorPlatformId()) && c.parentPlatformId() != null)
                .toList();
        assertThat(topLevelByFans).extracting(Comment::authorPlatformId).containsExactlyInAnyOrder(FANS);
        assertThat(creatorReplies).hasSize(3).allMatch(c -> ids.contains(c.parentPlatformId()));

        Comment juno = comments.stream()
                .filter(c -> c.platformId().equals(id("113520301129384701")))
                .findFirst()
                .orElseThrow();
        assertThat(juno.authorHandle()).isEqualTo("juno@mastodon.social");
        assertThat(juno.text()).isEqualTo("@ines_kocht Sieht super aus! Wie viel Ingwer nimmst du?");
        assertThat(juno.createdAt()).isEqualTo(Instant.parse("2024-11-20T09:43:51.120Z"));
        assertThat(juno.likes()).isEqualTo(4L);
        // a fan answering a fan keeps its parent; remote authors keep their domain; unicode survives
        assertThat(comments)
                .anyMatch(c -> c.parentPlatformId() != null
                        && c.parentPlatformId().equals(id("113520402293847561"))
                        && c.authorPlatformId().equals(FANS[0]));
        assertThat(comments)
                .anyMatch(c ->
                        c.authorHandle().equals("kiki@mstdn.jp") && c.text().endsWith("かぼちゃスープ美味しそう！"));
        // her follow-up to her own post is a top-level comment by the creator, which the core neither counts nor
        // answers
        assertThat(comments)
                .anyMatch(c -> c.platformId().equals(id("113520207741230021"))
                        && c.parentPlatformId() == null
                        && c.authorPlatformId().equals(CREATOR));
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
    void samplesFollowersWithTheirCountsAndLeavesHiddenOnesNull() {
        List<FollowerSample> sample = all(FollowerSample.class);
        assertThat(sample).extracting(FollowerSample::followerPlatformId).containsExactly(FANS);
        assertThat(sample).allMatch(s -> s.accountPlatformId().equals(CREATOR));
        assertThat(sample).allMatch(s -> s.sampledAt().equals(InstanceStub.OBSERVED));
        FollowerSample juno = sample.get(0);
        assertThat(juno.handle()).isEqualTo("juno@mastodon.social");
        assertThat(juno.fullName()).isEqualTo("Juno");
        assertThat(juno.bio()).isEqualTo("Gärtnert in Köln");
        assertThat(juno.followers()).isEqualTo(812L);
        assertThat(juno.following()).isEqualTo(640L);
        assertThat(juno.postsCount()).isEqualTo(1210L);
        assertThat(juno.hasProfilePic()).isTrue();
        assertThat(juno.privateAccount()).isFalse();
        assertThat(juno.verified()).isNull();
        assertThat(juno.externalUrl()).isNull();
        // a server that hides follower counts answers -1: unknown, not zero
        FollowerSample tomas = sample.get(1);
        assertThat(tomas.handle()).isEqualTo("tomas@chaos.social");
        assertThat(tomas.followers()).isNull();
        assertThat(tomas.following()).isEqualTo(233L);
        // the bot: default avatar (missing.png), empty note and name
        FollowerSample kiki = sample.get(2);
        assertThat(kiki.hasProfilePic()).isFalse();
        assertThat(kiki.bio()).isNull();
        assertThat(kiki.fullName()).isNull();
        assertThat(kiki.postsCount()).isZero();
        FollowerSample lena = sample.get(3);
        assertThat(lena.privateAccount()).isTrue();
        assertThat(lena.externalUrl()).isEqualTo("https://lena.example.org");
    }

    @Test
    void findsExactlyTheFollowEdgesInsideTheSampleAcrossLinkHeaderPages() {
        assertThat(all(FollowEdge.class))
                .containsExactlyInAnyOrder(
                        new FollowEdge(Platform.MASTODON, CREATOR, FANS[0], FANS[1]),
                        new FollowEdge(Platform.MASTODON, CREATOR, FANS[0], FANS[2]),
                        new FollowEdge(Platform.MASTODON, CREATOR, FANS[1], FANS[0]));
        // the second page of followers was asked for with the follow id of the Link header, not an account id
        instance.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/api/v1/accounts/" + InstanceStub.CREATOR_LOCAL + "/followers"))
                .withQueryParam(
                        "max_id",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(InstanceStub.FOLLOWERS_NEXT)));
    }

    @Test
    void emitsEachRecordOnceAndReportsWhatItCouldNotSee() {
        // account, follower count, 4 posts, 10 replies, 5 sampled followers, 3 edges
        assertThat(records).hasSize(1 + 1 + 4 + 10 + 5 + 3).doesNotHaveDuplicates();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void everyFormOfHandleReachesTheSameAccount() {
        for (String input : List.of("ines_kocht", "@ines_kocht", "ines_kocht@mastodon.social", CREATOR)) {
            List<DataRecord> again = new ArrayList<>();
            CrawlResult r = instance.connector()
                    .fetchCreators(List.of(input), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), again::add);
            assertThat(r.accountIds()).as(input).containsExactly(CREATOR);
            assertThat(again).as(input).containsExactlyElementsOf(records);
        }
    }

    @Test
    void anUnknownAccountIsReportedAndTheOthersAreStillCrawled() {
        instance.server.stubFor(InstanceStub.api("/api/v1/accounts/lookup")
                .withQueryParam("acct", com.github.tomakehurst.wiremock.client.WireMock.equalTo("nobody"))
                .willReturn(InstanceStub.notFound()));
        List<DataRecord> more = new ArrayList<>();

        CrawlResult r = instance.connector()
                .fetchCreators(
                        List.of("nobody@mastodon.social", "other.example:123", HANDLE),
                        CrawlOptions.DEFAULT,
                        new InMemoryCrawlStateStore(),
                        more::add);

        assertThat(r.accountIds()).containsExactly(CREATOR);
        assertThat(r.problems()).anyMatch(p -> p.contains("nobody@mastodon.social not found"));
        assertThat(r.problems()).anyMatch(p -> p.contains("other.example:123") && p.contains("neither"));
        assertThat(more).hasSameSizeAs(records);
    }

    @Test
    void aBotIsStoredAndNamedInTheProblemsAndHiddenFollowersAreReported() {
        instance.stub(
                InstanceStub.api("/api/v1/accounts/lookup")
                        .withQueryParam(
                                "acct", com.github.tomakehurst.wiremock.client.WireMock.equalTo("kiki@mstdn.jp")),
                "account-kiki.json");
        instance.stub(InstanceStub.api("/api/v1/accounts/109400000000000103/statuses"), "statuses-empty.json");
        instance.stub(InstanceStub.api("/api/v1/accounts/109400000000000103/followers"), "following-empty.json");
        List<DataRecord> bot = new ArrayList<>();

        CrawlResult r = instance.connector()
                .fetchCreators(
                        List.of("@kiki@mstdn.jp"), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), bot::add);

        assertThat(r.accountIds()).containsExactly(FANS[2]);
        assertThat(bot).hasSize(2);
        Account kiki = (Account) bot.get(0);
        assertThat(kiki.handle()).isEqualTo("kiki@mstdn.jp");
        assertThat(kiki.bio()).isNull();
        assertThat(kiki.displayName()).isNull();
        assertThat(kiki.externalUrl()).isNull();
        assertThat(r.problems()).anyMatch(p -> p.contains("kiki@mstdn.jp is flagged as a bot; stored"));
        assertThat(r.problems()).anyMatch(p -> p.contains("followers of " + FANS[2] + ": none listed"));
    }

    @Test
    void aReplyToAReplyHiddenFromVisitorsKeepsItsParentAndIsReported() {
        instance.server.stubFor(InstanceStub.api("/api/v1/statuses/" + S1 + "/context")
                .atPriority(1)
                .willReturn(InstanceStub.json(InstanceStub.fixture("context-hidden-parent.json"))));
        List<DataRecord> again = new ArrayList<>();

        CrawlResult r = instance.connector()
                .fetchCreators(List.of(HANDLE), CrawlOptions.DEFAULT, new InMemoryCrawlStateStore(), again::add);

        List<Comment> comments = again.stream()
                .filter(Comment.class::isInstance)
                .map(Comment.class::cast)
                .toList();
        assertThat(comments).hasSize(2);
        assertThat(comments.get(1).parentPlatformId()).isEqualTo(id("113520340000000001"));
        assertThat(r.problems()).anyMatch(p -> p.contains("1 replies to a deleted or hidden reply"));
        // the core counts such an answer as an orphan, never as an answer to someone in the data
        ReplyRate rate = new ReplyRateCalculator()
                .measure(
                        new AccountActivity(
                                (Account) again.get(0),
                                again.stream()
                                        .filter(Post.class::isInstance)
                                        .map(Post.class::cast)
                                        .toList(),
                                comments,
                                List.of(),
                                List.of(),
                                List.of()),
                        Instant.parse("2024-12-04T00:00:00Z"));
        assertThat(rate.orphanReplies()).isEqualTo(1);
    }
}
