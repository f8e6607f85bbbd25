package io.microreach.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated records are valid import data and consistent with each other. */
class GeneratedDataTest {
    private static final Map<Platform, Pattern> ACCOUNT_ID = Map.of(
            Platform.INSTAGRAM, Pattern.compile("[1-9]\\d{10}"),
            Platform.TIKTOK, Pattern.compile("[67]\\d{18}"),
            Platform.YOUTUBE, Pattern.compile("UC[A-Za-z0-9_-]{21}[AQgw]"),
            Platform.BLUESKY, Pattern.compile("did:plc:[a-z2-7]{24}"));
    private static final Map<Platform, Pattern> POST_ID = Map.of(
            Platform.INSTAGRAM, Pattern.compile("[A-Za-z0-9_-]{11}"),
            Platform.TIKTOK, Pattern.compile("[78]\\d{18}"),
            Platform.YOUTUBE, Pattern.compile("[A-Za-z0-9_-]{10}[AEIMQUYcgkosw048]"),
            Platform.BLUESKY, Pattern.compile("at://did:plc:[a-z2-7]{24}/app\\.bsky\\.feed\\.post/[2-7a-z]{13}"));
    private static final Map<Platform, Pattern> COMMENT_ID = Map.of(
            Platform.INSTAGRAM, Pattern.compile("[1-3]\\d{16}"),
            Platform.TIKTOK, Pattern.compile("[78]\\d{18}"),
            Platform.YOUTUBE, Pattern.compile("Ug[wxyz][A-Za-z0-9_-]{16}4AaABAg(\\.[A-Za-z0-9_-]{22})?"),
            Platform.BLUESKY, Pattern.compile("at://did:plc:[a-z2-7]{24}/app\\.bsky\\.feed\\.post/[2-7a-z]{13}"));
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9._]{1,30}");
    private static final Pattern BLUESKY_HANDLE = Pattern.compile("[a-z0-9]{1,20}\\.bsky\\.social");

    private static TestData data;

    @BeforeAll
    static void generate() {
        data = TestData.standard();
    }

    @Test
    void everyLineParsesWithTheImporterWithoutRejection() {
        assertThat(data.rejected).isZero();
        GenerationSummary s = data.summary;
        assertThat(data.accounts).hasSize((int) s.accounts());
        assertThat(data.posts).hasSize((int) s.posts());
        assertThat(data.comments).hasSize((int) s.comments());
        assertThat(data.samples).hasSize((int) s.followerSamples());
        assertThat(data.edges).hasSize((int) s.followEdges());
        assertThat(data.counts).hasSize((int) s.followerCounts());
        assertThat(data.truth).hasSize((int) s.accounts());
        assertThat(s.comments()).isPositive();
        assertThat(s.followEdges()).isPositive();
    }

    @Test
    void idsHaveThePlatformsFormatsAndAreUniquePerPlatform() {
        Set<String> accounts = new HashSet<>();
        for (Account a : data.accounts) {
            assertThat(a.platformId()).matches(ACCOUNT_ID.get(a.platform()));
            assertThat(accounts.add(a.platform() + a.platformId()))
                    .as(a.platformId())
                    .isTrue();
            assertThat(a.handle()).matches(a.platform() == Platform.BLUESKY ? BLUESKY_HANDLE : HANDLE);
        }
        Set<String> posts = new HashSet<>();
        for (Post p : data.posts) {
            assertThat(p.platformId()).matches(POST_ID.get(p.platform()));
            assertThat(posts.add(p.platform() + p.platformId()))
                    .as(p.platformId())
                    .isTrue();
        }
        Set<String> comments = new HashSet<>();
        for (Comment c : data.comments) {
            assertThat(c.platformId()).matches(COMMENT_ID.get(c.platform()));
            assertThat(comments.add(c.platform() + c.platformId()))
                    .as(c.platformId())
                    .isTrue();
        }
        for (FollowerSample f : data.samples) {
            assertThat(f.followerPlatformId()).matches(ACCOUNT_ID.get(f.platform()));
            assertThat(accounts).as("followers are not creators").doesNotContain(f.platform() + f.followerPlatformId());
        }
    }

    @Test
    void secondAccountsShareTheCreatorKeyOnAnotherPlatform() {
        Map<String, List<Account>> byCreator = new HashMap<>();
        for (Account a : data.accounts) {
            byCreator.computeIfAbsent(a.creatorKey(), k -> new ArrayList<>()).add(a);
        }
        assertThat(byCreator).hasSize(data.config.creators());
        long twoAccounts =
                byCreator.values().stream().filter(l -> l.size() == 2).count();
        assertThat((double) twoAccounts / data.config.creators()).isBetween(0.07, 0.13);
        for (List<Account> l : byCreator.values()) {
            assertThat(l).hasSizeBetween(1, 2);
            if (l.size() == 2) {
                assertThat(l.get(0).platform()).isNotEqualTo(l.get(1).platform());
                assertThat(l.get(0).language()).isEqualTo(l.get(1).language());
            }
        }
    }

    @Test
    void followerHistoryEndsAtTheAccountsFollowersAndPostsMatchTheirDay() {
        LocalDate today = LocalDate.ofInstant(data.config.now(), ZoneOffset.UTC);
        Map<String, Map<LocalDate, Long>> history = new HashMap<>();
        for (FollowerCount c : data.counts) {
            history.computeIfAbsent(c.accountPlatformId(), k -> new HashMap<>()).put(c.date(), c.followers());
        }
        for (Account a : data.accounts) {
            Map<LocalDate, Long> h = history.get(a.platformId());
            assertThat(h).hasSize(data.config.historyDays());
            assertThat(h.get(today)).isEqualTo(a.followers());
            assertThat(h).containsKey(today.minusDays(data.config.historyDays() - 1L));
        }
        int inWindow = 0;
        for (Post p : data.posts) {
            Long day = history.get(p.accountPlatformId()).get(LocalDate.ofInstant(p.publishedAt(), ZoneOffset.UTC));
            if (day != null) {
                inWindow++;
                assertThat(p.followersAtPost()).isEqualTo(day);
            }
            assertThat(p.followersAtPost()).isPositive();
        }
        assertThat(inWindow).isGreaterThan(data.posts.size() / 2);
    }

    @Test
    void postsReportWhatTheirPlatformReports() {
        for (Post p : data.posts) {
            assertThat(p.publishedAt()).isBefore(data.config.now());
            assertThat(p.likes()).isNotNull();
            assertThat(p.comments()).isNotNull();
            switch (p.platform()) {
                case INSTAGRAM -> {
                    assertThat(p.shares()).isNull();
                    assertThat(p.paidPartnership()).isNotNull();
                    assertThat(p.views() != null).isEqualTo(p.format().isVideo());
                }
                case TIKTOK -> {
                    assertThat(p.shares()).isNotNull();
                    assertThat(p.saves()).isNotNull();
                    assertThat(p.views()).isNotNull();
                }
                case YOUTUBE -> {
                    assertThat(p.views()).isNotNull();
                    assertThat(p.shares()).isNull();
                }
                case BLUESKY -> {
                    assertThat(p.views()).isNull();
                    assertThat(p.shares()).isNotNull();
                }
                case TWITTER -> throw new AssertionError("no twitter data expected");
            }
            if (p.views() != null) {
                assertThat(p.views()).isGreaterThanOrEqualTo(p.likes());
            }
            assertThat(p.url()).startsWith("https://");
        }
        long likes = data.posts.stream().mapToLong(Post::likes).sum();
        long comments = data.posts.stream().mapToLong(Post::comments).sum();
        assertThat(likes).isGreaterThan(10 * comments);
    }

    @Test
    void commentsBelongToTheirPostAndThreadsAreWellFormed() {
        Map<String, Post> posts = new HashMap<>();
        data.posts.forEach(p -> posts.put(p.platformId(), p));
        Map<String, Comment> byId = new HashMap<>();
        data.comments.forEach(c -> byId.put(c.platformId(), c));
        Map<String, Integer> perPost = new HashMap<>();
        int depthTwo = 0;
        int depthThree = 0;
        for (Comment c : data.comments) {
            Post post = posts.get(c.postPlatformId());
            assertThat(post).as("post of %s", c.platformId()).isNotNull();
            perPost.merge(post.platformId(), 1, Integer::sum);
            assertThat(c.createdAt()).isAfter(post.publishedAt()).isBefore(data.config.now());
            if (c.parentPlatformId() != null) {
                Comment parent = byId.get(c.parentPlatformId());
                assertThat(parent).as("parent of %s", c.platformId()).isNotNull();
                assertThat(parent.postPlatformId()).isEqualTo(c.postPlatformId());
                assertThat(c.createdAt()).isAfter(parent.createdAt());
                if (parent.parentPlatformId() == null) {
                    depthTwo++;
                } else {
                    depthThree++;
                    assertThat(c.platform()).isEqualTo(Platform.BLUESKY);
                }
            }
        }
        perPost.forEach((id, n) -> assertThat(posts.get(id).comments()).isGreaterThanOrEqualTo(n));
        assertThat(depthTwo).isPositive();
        assertThat(depthThree).isPositive();
        long commented = perPost.size();
        long accounts = data.accounts.size();
        assertThat(commented).isLessThanOrEqualTo(accounts * data.config.commentedPosts());
    }

    @Test
    void followEdgesJoinTwoRealSampledFollowersOfTheAccount() {
        Map<String, Set<String>> sampled = new HashMap<>();
        data.samples.forEach(s -> sampled.computeIfAbsent(s.accountPlatformId(), k -> new HashSet<>())
                .add(s.followerPlatformId()));
        Map<String, Set<String>> fakes = new HashMap<>();
        for (JsonNode t : data.truth) {
            Set<String> ids = new HashSet<>();
            t.path("follower_sample").path("fake_follower_ids").forEach(n -> ids.add(n.asText()));
            fakes.put(t.path("account_id").asText(), ids);
        }
        Map<String, Integer> edges = new HashMap<>();
        for (FollowEdge e : data.edges) {
            Set<String> s = sampled.get(e.accountPlatformId());
            assertThat(s).contains(e.sourceId(), e.targetId());
            assertThat(fakes.get(e.accountPlatformId())).doesNotContain(e.sourceId(), e.targetId());
            edges.merge(e.accountPlatformId(), 1, Integer::sum);
        }
        for (JsonNode t : data.truth) {
            assertThat(edges.getOrDefault(t.path("account_id").asText(), 0))
                    .isEqualTo(t.path("cohesion").path("edges").asInt());
        }
        sampled.values().forEach(s -> assertThat(s).hasSizeLessThanOrEqualTo(data.config.followerSampleSize()));
    }

    @Test
    void groundTruthNamesEveryAccountOnceWithValidNiches() {
        Set<String> allowed = Set.of(
                "fitness",
                "clean_beauty",
                "beauty",
                "fashion",
                "gaming",
                "travel",
                "personal_development",
                "food",
                "parenting",
                "pets",
                "home_interior",
                "tech",
                "finance",
                "sports",
                "outdoor",
                "music",
                "education",
                "sustainability");
        Set<String> accounts = new HashSet<>();
        data.accounts.forEach(a -> accounts.add(a.platformId()));
        Set<String> seen = new HashSet<>();
        for (JsonNode t : data.truth) {
            assertThat(seen.add(t.path("account_id").asText())).isTrue();
            JsonNode niches = t.path("niches");
            assertThat(niches.size()).isBetween(1, 3);
            double sum = 0;
            for (JsonNode n : niches) {
                assertThat(allowed).contains(n.path("niche").asText());
                sum += n.path("weight").asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.002));
            assertThat(niches.get(0).path("primary").asBoolean()).isTrue();
        }
        assertThat(seen).isEqualTo(accounts);
    }

    @Test
    void nothingIsDatedAfterNow() {
        Instant now = data.config.now();
        data.accounts.forEach(a -> assertThat(a.observedAt()).isEqualTo(now));
        data.samples.forEach(s -> assertThat(s.sampledAt()).isBeforeOrEqualTo(now));
        data.comments.forEach(c -> assertThat(c.createdAt()).isBefore(now));
    }
}
