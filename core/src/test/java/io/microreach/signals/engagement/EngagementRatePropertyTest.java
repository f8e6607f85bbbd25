package io.microreach.signals.engagement;

import static io.microreach.signals.engagement.Fixtures.account;
import static io.microreach.signals.engagement.Fixtures.activity;
import static io.microreach.signals.engagement.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random accounts checked against an independent reference of the window and the median. */
class EngagementRatePropertyTest {

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void creatorErIsTheMedianOfTheRatedWindowPosts(int seed) {
        Random rnd = new Random(seed);
        int count = rnd.nextInt(60);
        double gapDays = 0.5 + 6 * rnd.nextDouble();
        long current = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(100_000);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long likes = rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(5_000);
            Long comments = rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(200);
            Long atPost = rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(100_000);
            posts.add(post("p" + i, i * gapDays, PostFormat.PHOTO, likes, comments, null, null, null, atPost));
        }
        EngagementRates rates = new EngagementRates();
        EngagementRate er = rates.engagementRate(activity(account(Platform.INSTAGRAM, current), posts));

        // Reference: posts are generated newest first; the window is the first min(30, within 90 days).
        List<Double> reference = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count && i < 30 && i * gapDays <= 90 + 1e-6; i++) {
            Post p = posts.get(i);
            if (p.likes() == null && p.comments() == null) {
                continue;
            }
            long eng = (p.likes() == null ? 0 : p.likes()) + (p.comments() == null ? 0 : p.comments());
            long followers = p.followersAtPost() != null ? p.followersAtPost() : current;
            if (followers > 0) {
                reference.add(eng / (double) followers);
                ids.add(p.platformId());
            }
        }
        if (reference.size() < 5) {
            assertThat(er.available()).isFalse();
            assertThat(er.unavailableReason()).isNotBlank();
            return;
        }
        double[] sorted =
                reference.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        assertThat(er.median()).isCloseTo(median, within(1e-12));
        assertThat(er.postsUsed()).isEqualTo(reference.size());
        assertThat(er.evidencePostIds()).containsExactlyElementsOf(ids);
        assertThat(er.median()).isBetween(sorted[0], sorted[sorted.length - 1]);

        // Scale invariance: k times the interactions on k times the followers is the same rate.
        List<Post> scaled = posts.stream().map(p -> scale(p, 3)).toList();
        EngagementRate scaledEr = rates.engagementRate(activity(account(Platform.INSTAGRAM, current * 3), scaled));
        assertThat(scaledEr.median()).isCloseTo(er.median(), within(1e-12));
        // Doubling the interactions of every post doubles the median.
        List<Post> doubled = posts.stream().map(p -> scaleCounts(p, 2)).toList();
        assertThat(rates.engagementRate(activity(account(Platform.INSTAGRAM, current), doubled))
                        .median())
                .isCloseTo(2 * er.median(), within(1e-12));
        assertThat(Arrays.stream(sorted).allMatch(v -> v >= 0)).isTrue();
    }

    /**
     * Occasional posters (a post every 10 to 60 days) against an independent reference: the recent window when it
     * has at least 5 rated posts, else the newest 12 posts whatever their age.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void sparsePostersFallBackToTheLast12Posts(int seed) {
        Random rnd = new Random(1_000 + seed);
        int count = rnd.nextInt(25);
        double gapDays = 10 + 50 * rnd.nextDouble();
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Long likes = rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(500);
            Long comments = rnd.nextInt(6) == 0 ? null : (long) rnd.nextInt(50);
            posts.add(post("p" + i, i * gapDays, PostFormat.PHOTO, likes, comments, null, null, null, 1_000L));
        }
        EngagementRate er = new EngagementRates().engagementRate(activity(account(Platform.INSTAGRAM, 1_000), posts));

        List<Double> recent = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Post p = posts.get(i);
            if (p.likes() == null && p.comments() == null) {
                continue;
            }
            double rate = ((p.likes() == null ? 0 : p.likes()) + (p.comments() == null ? 0 : p.comments())) / 1_000.0;
            if (i < 30 && i * gapDays <= 90 + 1e-6) {
                recent.add(rate);
            }
            if (i < 12) {
                last.add(rate);
            }
        }
        List<Double> expected = recent.size() >= 5 ? recent : last;
        if (expected.size() < 5) {
            assertThat(er.available()).isFalse();
            return;
        }
        double[] sorted =
                expected.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        assertThat(er.median()).isCloseTo(median, within(1e-12));
        assertThat(er.postsUsed()).isEqualTo(expected.size());
        assertThat(er.window())
                .isEqualTo(recent.size() >= 5 ? EngagementRate.Window.RECENT : EngagementRate.Window.LAST_POSTS);
    }

    private static Post scale(Post p, long k) {
        Post counts = scaleCounts(p, k);
        return copy(
                counts,
                counts.likes(),
                counts.comments(),
                p.followersAtPost() == null ? null : p.followersAtPost() * k);
    }

    private static Post scaleCounts(Post p, long k) {
        return copy(
                p,
                p.likes() == null ? null : p.likes() * k,
                p.comments() == null ? null : p.comments() * k,
                p.followersAtPost());
    }

    private static Post copy(Post p, Long likes, Long comments, Long followersAtPost) {
        return new Post(
                p.platform(),
                p.platformId(),
                p.accountPlatformId(),
                p.publishedAt(),
                p.format(),
                p.caption(),
                p.hashtags(),
                p.mentions(),
                likes,
                comments,
                p.shares(),
                p.saves(),
                p.views(),
                followersAtPost,
                p.paidPartnership(),
                p.url());
    }
}
