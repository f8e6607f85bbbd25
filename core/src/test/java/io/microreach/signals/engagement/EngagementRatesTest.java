package io.microreach.signals.engagement;

import static io.microreach.signals.engagement.Fixtures.account;
import static io.microreach.signals.engagement.Fixtures.activity;
import static io.microreach.signals.engagement.Fixtures.photo;
import static io.microreach.signals.engagement.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.Confidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers on hand-built posts, including the edge cases of the definition. */
class EngagementRatesTest {
    private final EngagementRates rates = new EngagementRates();

    @Test
    void postErDividesReportedInteractionsByFollowersAtPostingTime() {
        PostEngagement e = EngagementRates.measurePost(
                post("p", 0, PostFormat.PHOTO, 90L, 10L, 5L, 15L, null, 1_000L), account(Platform.INSTAGRAM, 4_000));

        assertThat(e.engagements()).isEqualTo(120);
        assertThat(e.followers()).isEqualTo(1_000);
        assertThat(e.followerBasis()).isEqualTo(FollowerBasis.AT_POST);
        assertThat(e.er()).isCloseTo(0.12, within(1e-12));
        assertThat(e.erByViews()).isNull();
    }

    @Test
    void withoutFollowersAtPostTheCurrentCountIsUsedAndNamed() {
        PostEngagement e = EngagementRates.measurePost(photo("p", 0, 90, 10, null), 2_000);

        assertThat(e.followerBasis()).isEqualTo(FollowerBasis.CURRENT);
        assertThat(e.er()).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void unreportedCountsAreSkippedNotReadAsZero() {
        PostEngagement likesOnly =
                EngagementRates.measurePost(post("p", 0, PostFormat.PHOTO, 50L, null, null, null, null, 1_000L), 1);
        PostEngagement nothing =
                EngagementRates.measurePost(post("q", 0, PostFormat.PHOTO, null, null, null, null, null, 1_000L), 1);
        PostEngagement zeros =
                EngagementRates.measurePost(post("r", 0, PostFormat.PHOTO, 0L, 0L, null, null, null, 1_000L), 1);

        assertThat(likesOnly.engagements()).isEqualTo(50);
        assertThat(likesOnly.er()).isCloseTo(0.05, within(1e-12));
        assertThat(nothing.engagements()).isNull();
        assertThat(nothing.er()).isNull();
        // Reported zeros are a real rate of 0, unlike missing counts.
        assertThat(zeros.er()).isZero();
    }

    @Test
    void zeroFollowersGiveNoRate() {
        assertThat(EngagementRates.measurePost(photo("p", 0, 10, 1, 0L), 5_000).er())
                .isNull();
        assertThat(EngagementRates.measurePost(photo("p", 0, 10, 1, null), 0).er())
                .isNull();

        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(photo("p" + i, i, 10, 1, null));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 0), posts));
        assertThat(er.available()).isFalse();
        assertThat(er.median()).isNull();
        assertThat(er.confidence()).isEqualTo(Confidence.NONE);
        assertThat(er.unavailableReason()).contains("insufficient data").contains("8 have zero followers");
        assertThat(er.evidencePostIds()).isEmpty();
        assertThat(er.posts()).hasSize(8);
    }

    @Test
    void erByViewsOnlyForVideosWithViewsAboveZero() {
        Post reel = post("reel", 0, PostFormat.REEL, 80L, 20L, null, null, 2_000L, 1_000L);
        Post reelZeroViews = post("z", 0, PostFormat.REEL, 80L, 20L, null, null, 0L, 1_000L);
        Post reelNoViews = post("n", 0, PostFormat.REEL, 80L, 20L, null, null, null, 1_000L);
        Post photoWithViews = post("ph", 0, PostFormat.PHOTO, 80L, 20L, null, null, 2_000L, 1_000L);

        assertThat(EngagementRates.measurePost(reel, 1).erByViews()).isCloseTo(0.05, within(1e-12));
        assertThat(EngagementRates.measurePost(reel, 1).er()).isCloseTo(0.1, within(1e-12));
        assertThat(EngagementRates.measurePost(reelZeroViews, 1).erByViews()).isNull();
        assertThat(EngagementRates.measurePost(reelZeroViews, 1).er()).isCloseTo(0.1, within(1e-12));
        assertThat(EngagementRates.measurePost(reelNoViews, 1).erByViews()).isNull();
        assertThat(EngagementRates.measurePost(photoWithViews, 1).erByViews()).isNull();
    }

    @Test
    void exactlyTheMinimumNumberOfPostsIsEnoughAndOneFewerIsNot() {
        // ERs 1%, 2%, 3%, 4%, 5% on 1,000 followers at posting time.
        List<Post> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(photo("p" + i, i, 10L * (i + 1), 0, 1_000L));
        }
        EngagementRate ok = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), five));
        assertThat(ok.median()).isCloseTo(0.03, within(1e-12));
        assertThat(ok.postsUsed()).isEqualTo(5);
        assertThat(ok.followerBasis()).isEqualTo(FollowerBasis.AT_POST);
        assertThat(ok.confidence()).isEqualTo(Confidence.LOW);
        assertThat(ok.unavailableReason()).isNull();
        assertThat(ok.evidencePostIds()).containsExactly("p0", "p1", "p2", "p3", "p4");
        assertThat(ok.formula()).contains("(likes + comments)").contains("followers at posting time");

        EngagementRate four = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), five.subList(0, 4)));
        assertThat(four.available()).isFalse();
        assertThat(four.postsUsed()).isZero();
        assertThat(four.unavailableReason())
                .isEqualTo("insufficient data: 4 posts with an engagement rate in the window (of 4 posts),"
                        + " at least 5 needed");
    }

    @Test
    void anEvenNumberOfPostsTakesTheMeanOfTheMiddleTwo() {
        List<Post> six = new ArrayList<>();
        long[] likes = {60, 10, 40, 20, 50, 30};
        for (int i = 0; i < 6; i++) {
            six.add(photo("p" + i, i, likes[i], 0, 1_000L));
        }
        assertThat(rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), six))
                        .median())
                .isCloseTo(0.035, within(1e-12));
    }

    @Test
    void windowByCountKeepsTheNewest30Posts() {
        // 40 daily posts: 30 fit the count limit, all 40 the 90 days; the count gives fewer.
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Older posts have a far higher ER: if they leaked in, the median would move.
            posts.add(photo("p" + i, i, i < 30 ? 20 : 900, 0, 1_000L));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));

        assertThat(er.postsUsed()).isEqualTo(30);
        assertThat(er.posts()).hasSize(30);
        assertThat(er.median()).isCloseTo(0.02, within(1e-12));
        assertThat(er.evidencePostIds()).first().isEqualTo("p0");
        assertThat(er.evidencePostIds()).last().isEqualTo("p29");
        assertThat(er.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void windowByDaysKeepsPostsUpTo90DaysBeforeTheNewestInclusive() {
        // A post every 5 days for 150 days: the count limit admits 30, the 90 days only 19 (days 0, 5, ..., 90).
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posts.add(photo("p" + i, 5.0 * i, 10, 0, 1_000L));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));
        assertThat(er.postsUsed()).isEqualTo(19);
        assertThat(er.evidencePostIds()).last().isEqualTo("p18");

        EngagementRates shortWindow = new EngagementRates(EngagementWindow.DEFAULT.withMaxAge(Duration.ofDays(89)));
        assertThat(shortWindow
                        .engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts))
                        .postsUsed())
                .isEqualTo(18);
    }

    @Test
    void postsWithoutRateStayInTheWindowAndAreNotReplacedByOlderOnes() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posts.add(post("new" + i, i, PostFormat.PHOTO, null, null, null, null, null, 1_000L));
        }
        for (int i = 0; i < 10; i++) {
            posts.add(photo("old" + i, 30 + i, 10, 1, 1_000L));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));

        assertThat(er.available()).isFalse();
        assertThat(er.unavailableReason()).contains("0 posts").contains("30 report no interaction counts");
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            posts.add(photo("p" + i, i * 1.5, 7L * i + 3, i % 4, 1_000L + i));
        }
        EngagementRate sorted = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));
        Collections.shuffle(posts, new Random(5));
        EngagementRate shuffled = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));

        assertThat(shuffled).isEqualTo(sorted);
    }

    @Test
    void mixedFollowerBasisIsReported() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            posts.add(photo("p" + i, i, 10, 0, i % 2 == 0 ? 1_000L : null));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 2_000), posts));
        assertThat(er.followerBasis()).isEqualTo(FollowerBasis.MIXED);
        assertThat(er.median()).isCloseTo(0.0075, within(1e-12));
        assertThat(er.formula()).contains("else current followers");
    }

    @Test
    void videoPostsGetAMedianByViewsWithItsOwnMinimum() {
        List<Post> posts = new ArrayList<>();
        // 4 videos (too few for a median by views) and 3 photos.
        for (int i = 0; i < 4; i++) {
            posts.add(post("v" + i, i, PostFormat.VIDEO, 100L, 10L, 5L, 5L, 1_000L * (i + 1), 2_000L));
        }
        for (int i = 0; i < 3; i++) {
            posts.add(photo("ph" + i, 10 + i, 100, 20, 2_000L));
        }
        EngagementRate few = rates.engagementRate(activity(account(Platform.TIKTOK, 2_000), posts));
        assertThat(few.median()).isCloseTo(0.06, within(1e-12));
        assertThat(few.medianByViews()).isNull();
        assertThat(few.byViewsUnavailableReason()).contains("4 video posts");
        assertThat(few.formula())
                .contains("(likes + comments + shares + saves)")
                .doesNotContain("by views");

        posts.add(post("v4", 5, PostFormat.SHORT, 100L, 10L, 5L, 5L, 5_000L, 2_000L));
        EngagementRate enough = rates.engagementRate(activity(account(Platform.TIKTOK, 2_000), posts));
        // Views 1k..5k for 120 engagements: 12%, 6%, 4%, 3%, 2.4% → median 4%.
        assertThat(enough.medianByViews()).isCloseTo(0.04, within(1e-12));
        assertThat(enough.postsUsedByViews()).isEqualTo(5);
        assertThat(enough.byViewsUnavailableReason()).isNull();
        assertThat(enough.formula()).contains("by views");

        EngagementRate photosOnly =
                rates.engagementRate(activity(account(Platform.INSTAGRAM, 2_000), posts.subList(4, 7)));
        assertThat(photosOnly.byViewsUnavailableReason()).isEqualTo("no video posts with reported views in the window");
    }

    @Test
    void noPostsIsNoData() {
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), List.of()));
        assertThat(er.unavailableReason()).isEqualTo("no posts");
        assertThat(rates.likeCommentRatio(activity(account(Platform.INSTAGRAM, 1_000), List.of()))
                        .unavailableReason())
                .isEqualTo("no posts");
    }

    @Test
    void likeCommentRatioSkipsPostsWithoutComments() {
        List<Post> posts = new ArrayList<>();
        long[][] likesComments = {{100, 2}, {90, 3}, {40, 0}, {200, 4}, {60, 1}, {70, 0}, {30, 3}};
        for (int i = 0; i < likesComments.length; i++) {
            posts.add(photo("p" + i, i, likesComments[i][0], likesComments[i][1], 1_000L));
        }
        posts.add(post("nolikes", 9, PostFormat.PHOTO, null, 5L, null, null, null, 1_000L));
        LikeCommentRatio lc = rates.likeCommentRatio(activity(account(Platform.INSTAGRAM, 1_000), posts));

        // Ratios 50, 30, 50, 60, 10 → median 50.
        assertThat(lc.median()).isCloseTo(50.0, within(1e-12));
        assertThat(lc.postsUsed()).isEqualTo(5);
        assertThat(lc.evidencePostIds()).containsExactly("p0", "p1", "p3", "p4", "p6");

        LikeCommentRatio tooFew =
                rates.likeCommentRatio(activity(account(Platform.INSTAGRAM, 1_000), posts.subList(0, 4)));
        assertThat(tooFew.available()).isFalse();
        assertThat(tooFew.unavailableReason()).contains("3 posts with comments");
    }

    @Test
    void windowSettingsAreValidated() {
        assertThatThrownBy(() -> new EngagementWindow(0, Duration.ofDays(1), 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementWindow(10, Duration.ZERO, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementWindow(10, Duration.ofDays(1), 11, 11, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngagementWindow(10, Duration.ofDays(1), 5, 4, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EngagementWindow.DEFAULT.withMinimumPosts(25).highConfidencePosts())
                .isEqualTo(25);
    }

    @Test
    void aThinRecentWindowFallsBackToTheLast12PostsAndSaysSo() {
        // A post every 30 days: 4 posts within 90 days of the newest (days 0, 30, 60, 90), 20 posts in all.
        // ERs by post: p0..p19 = 1%..20%, so the last 12 have the median of 6% and 7% = 6.5%.
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(photo("p" + i, 30.0 * i, 10L * (i + 1), 0, 1_000L));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));
        assertThat(er.window()).isEqualTo(EngagementRate.Window.LAST_POSTS);
        assertThat(er.median()).isCloseTo(0.065, within(1e-12));
        assertThat(er.postsUsed()).isEqualTo(12);
        assertThat(er.evidencePostIds()).hasSize(12).startsWith("p0").endsWith("p11");
        assertThat(er.posts()).hasSize(12);
        // 12 posts is MEDIUM by count; older posts lower it one step.
        assertThat(er.confidence()).isEqualTo(Confidence.LOW);
        assertThat(er.windowDescription())
                .isEqualTo("the last 12 posts, whatever their age (over 330 days), because the last 30 posts"
                        + " within 90 days of the newest post had 4 with a rate, fewer than 5");

        // Without the fallback the same account has no rate.
        EngagementRate off = new EngagementRates(EngagementWindow.DEFAULT.withFallbackPosts(0))
                .engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));
        assertThat(off.available()).isFalse();
        assertThat(off.window()).isEqualTo(EngagementRate.Window.RECENT);
    }

    @Test
    void aFullRecentWindowIsUsedAndNamedRecent() {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(photo("p" + i, 10.0 * i, 10, 0, 1_000L));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));
        assertThat(er.window()).isEqualTo(EngagementRate.Window.RECENT);
        assertThat(er.postsUsed()).isEqualTo(10);
        assertThat(er.windowDescription())
                .isEqualTo("the last 30 posts within 90 days of the newest post (10 posts over 90 days)");
    }

    @Test
    void whenTheLastPostsAreTooFewAsWellTheReasonSaysBoth() {
        // 3 rated posts within 90 days, then 5 older posts without counts: the last 8 posts have 3 rates.
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(photo("p" + i, 10.0 * i, 10, 1, 1_000L));
        }
        for (int i = 0; i < 5; i++) {
            posts.add(post("old" + i, 200 + i, PostFormat.PHOTO, null, null, null, null, null, 1_000L));
        }
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));
        assertThat(er.available()).isFalse();
        assertThat(er.window()).isEqualTo(EngagementRate.Window.RECENT);
        assertThat(er.unavailableReason())
                .isEqualTo("insufficient data: 3 posts with an engagement rate in the window (of 3 posts), at least"
                        + " 5 needed; the last 8 posts have 3 with a rate");
    }

    @Test
    void fallbackSettingsAreValidated() {
        assertThatThrownBy(() -> EngagementWindow.DEFAULT.withFallbackPosts(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fallbackPosts");
        assertThatThrownBy(() -> EngagementWindow.DEFAULT.withFallbackPosts(31))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(EngagementWindow.DEFAULT.fallbackPosts()).isEqualTo(12);
        assertThat(EngagementWindow.DEFAULT.withMinimumPosts(15).fallbackPosts())
                .isEqualTo(15);
    }
}
