package io.microreach.signals.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentPodsTest {
    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private final AnomalyDetector detector = new AnomalyDetector();
    private int next;

    static Account account() {
        return new Account(
                Platform.INSTAGRAM,
                "creator",
                "the_creator",
                null,
                null,
                null,
                null,
                8000,
                null,
                null,
                false,
                false,
                false,
                null,
                null,
                null,
                NOW);
    }

    static List<Post> posts(int n) {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            posts.add(new Post(
                    Platform.INSTAGRAM,
                    "p" + i,
                    "creator",
                    NOW.minus(Duration.ofDays(2L * (i + 1))),
                    PostFormat.PHOTO,
                    "",
                    List.of(),
                    List.of(),
                    400L,
                    12L,
                    null,
                    null,
                    null,
                    8000L,
                    null,
                    null));
        }
        return posts;
    }

    Comment comment(Post post, String author, Duration delay, String text) {
        return new Comment(
                Platform.INSTAGRAM,
                "c" + next++,
                post.platformId(),
                author,
                "h_" + author,
                text,
                post.publishedAt().plus(delay),
                null,
                null);
    }

    /** Thirty fans commenting hours after publishing; fan0–fan2 are regulars on every post. */
    List<Comment> fans(List<Post> posts) {
        List<Comment> out = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            for (int f = 0; f < 3; f++) {
                out.add(comment(posts.get(i), "fan" + f, Duration.ofHours(2 + f), "Love your recipe for lentil soup"));
            }
            for (int f = 3 + 3 * i; f < 6 + 3 * i; f++) {
                out.add(comment(posts.get(i), "fan" + f, Duration.ofHours(5), "How long did it take to cook?"));
            }
        }
        return out;
    }

    @Test
    void aPodOfFiveOnNineOfTenPostsWithinThreeMinutesIsFoundAndFansAreNot() {
        List<Post> posts = posts(10);
        List<Comment> comments = fans(posts);
        for (int i = 0; i < 9; i++) {
            for (int m = 0; m < 5; m++) {
                comments.add(comment(
                        posts.get(i),
                        "pod" + m,
                        Duration.ofSeconds(60 + 30L * m),
                        m % 2 == 0 ? "🔥🔥" : "Great post 👏"));
            }
        }
        AccountActivity activity = new AccountActivity(account(), posts, comments, List.of(), List.of(), List.of());

        PodScan scan = detector.commentPods(activity);

        assertThat(scan.available()).isTrue();
        assertThat(scan.postsChecked()).isEqualTo(10);
        assertThat(scan.fastRegulars()).isEqualTo(5);
        assertThat(scan.confidence()).isEqualTo(Confidence.HIGH);
        Pod pod = scan.pod();
        assertThat(pod).isNotNull();
        assertThat(pod.members()).extracting(PodMember::id).containsExactly("pod0", "pod1", "pod2", "pod3", "pod4");
        assertThat(pod.members()).allSatisfy(m -> {
            assertThat(m.posts()).isEqualTo(9);
            assertThat(m.medianDelay()).isLessThanOrEqualTo(Duration.ofMinutes(3));
        });
        assertThat(pod.members().get(0).handle()).isEqualTo("h_pod0");
        assertThat(pod.postIds()).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8");
        assertThat(pod.commentIds()).hasSize(20);
        assertThat(pod.genericShare()).isEqualTo(1.0);
        assertThat(pod.medianDelay()).isEqualTo(Duration.ofSeconds(120));

        Anomalies all = detector.detect(activity, null);
        assertThat(all.pod()).isEqualTo(pod);
    }

    @Test
    void devotedFansHoursLaterAreNoPod() {
        List<Post> posts = posts(10);
        AccountActivity activity = new AccountActivity(account(), posts, fans(posts), List.of(), List.of(), List.of());

        PodScan scan = detector.commentPods(activity);

        assertThat(scan.available()).isTrue();
        assertThat(scan.pod()).isNull();
        assertThat(scan.fastRegulars()).isZero();
    }

    @Test
    void twoFastRegularsAreTooFewAndTwentyTooMany() {
        List<Post> posts = posts(10);
        List<Comment> two = fans(posts);
        List<Comment> twenty = fans(posts);
        for (Post p : posts) {
            for (int m = 0; m < 20; m++) {
                Comment c = comment(p, "fast" + m, Duration.ofMinutes(5), "wow");
                twenty.add(c);
                if (m < 2) {
                    two.add(c);
                }
            }
        }
        PodScan fewScan =
                detector.commentPods(new AccountActivity(account(), posts, two, List.of(), List.of(), List.of()));
        PodScan manyScan =
                detector.commentPods(new AccountActivity(account(), posts, twenty, List.of(), List.of(), List.of()));

        assertThat(fewScan.pod()).isNull();
        assertThat(fewScan.fastRegulars()).isEqualTo(2);
        assertThat(manyScan.pod()).isNull();
        assertThat(manyScan.fastRegulars()).isEqualTo(20);
    }

    @Test
    void membersOnFewerThanSixtyPercentOfPostsAreNoPod() {
        List<Post> posts = posts(10);
        List<Comment> comments = fans(posts);
        for (int i = 0; i < 5; i++) {
            for (int m = 0; m < 5; m++) {
                comments.add(comment(posts.get(i), "pod" + m, Duration.ofMinutes(2), "nice pic"));
            }
        }
        assertThat(detector.commentPods(
                                new AccountActivity(account(), posts, comments, List.of(), List.of(), List.of()))
                        .pod())
                .isNull();
    }

    @Test
    void theCreatorsOwnAndNestedRepliesDoNotCount() {
        List<Post> posts = posts(10);
        List<Comment> comments = fans(posts);
        for (Post p : posts) {
            Comment top = comment(p, "fan0", Duration.ofMinutes(1), "first!");
            comments.add(top);
            comments.add(comment(p, "creator", Duration.ofMinutes(2), "thanks"));
            for (int m = 0; m < 4; m++) {
                comments.add(new Comment(
                        Platform.INSTAGRAM,
                        "r" + next++,
                        p.platformId(),
                        "replier" + m,
                        "h",
                        "❤️",
                        p.publishedAt().plusSeconds(90),
                        top.platformId(),
                        null));
            }
        }
        PodScan scan =
                detector.commentPods(new AccountActivity(account(), posts, comments, List.of(), List.of(), List.of()));

        assertThat(scan.pod()).isNull();
        assertThat(scan.fastRegulars())
                .as("fan0's first comment per post is the fast one")
                .isEqualTo(1);
    }

    @Test
    void tooFewCommentedPostsIsUnavailable() {
        List<Post> posts = posts(10);
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int m = 0; m < 5; m++) {
                comments.add(comment(posts.get(i), "pod" + m, Duration.ofMinutes(1), "🔥"));
            }
        }
        PodScan scan =
                detector.commentPods(new AccountActivity(account(), posts, comments, List.of(), List.of(), List.of()));

        assertThat(scan.available()).isFalse();
        assertThat(scan.unavailableReason()).contains("4 of the last 10 posts");
        assertThat(scan.pod()).isNull();
        assertThat(scan.confidence()).isEqualTo(Confidence.NONE);
    }

    @Test
    void genericShareCountsEmojiAndShortPraiseAmongTopLevelCommentsByOthers() {
        List<Post> posts = posts(10);
        List<Comment> comments = new ArrayList<>();
        comments.add(comment(posts.get(0), "a", Duration.ofHours(1), "🔥🔥"));
        comments.add(comment(posts.get(0), "b", Duration.ofHours(1), "nice pic"));
        comments.add(comment(posts.get(1), "c", Duration.ofHours(1), "Where did you buy the jacket?"));
        comments.add(comment(posts.get(1), "creator", Duration.ofHours(1), "😍"));
        comments.add(comment(posts.get(2), "d", Duration.ofHours(1), "Love your guide to Lisbon"));
        AccountActivity activity = new AccountActivity(account(), posts, comments, List.of(), List.of(), List.of());

        GenericComments g = detector.genericComments(activity);

        assertThat(g.share().sampleSize()).isEqualTo(4);
        assertThat(g.share().successes()).isEqualTo(2);
        assertThat(g.commentIds()).hasSize(2);
        assertThat(detector.genericComments(
                                new AccountActivity(account(), posts, List.of(), List.of(), List.of(), List.of()))
                        .available())
                .isFalse();
    }
}
