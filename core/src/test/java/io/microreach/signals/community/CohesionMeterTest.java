package io.microreach.signals.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Account;
import io.microreach.domain.Comment;
import io.microreach.domain.FollowEdge;
import io.microreach.domain.FollowerSample;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.domain.PostFormat;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.SampledFollower;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohesionMeterTest {
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private final CohesionMeter meter = new CohesionMeter();

    static List<String> nodes(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("f" + i);
        }
        return out;
    }

    @Test
    void emptyGraphHasZeroDensityAndNoReciprocityOrClustering() {
        Cohesion c = meter.measureGraph(nodes(40), List.of());

        assertThat(c.available()).isTrue();
        assertThat(c.sampleSize()).isEqualTo(40);
        assertThat(c.edges()).isZero();
        assertThat(c.density().value()).isZero();
        assertThat(c.density().expected()).isZero();
        assertThat(c.density().ratio())
                .as("no ratio against an expectation of 0")
                .isNull();
        assertThat(c.density().basis()).isEqualTo(40 * 39);
        assertThat(c.reciprocity().available()).isFalse();
        assertThat(c.reciprocity().value()).isNull();
        assertThat(c.reciprocity().unavailableReason()).contains("no follow edges");
        assertThat(c.clustering().available()).isFalse();
        assertThat(c.score()).as("no tie is no sign of a community").isZero();
        assertThat(c.parts()).isEqualTo(new ScoreParts(0, 0, null));
        assertThat(c.evidenceFollowerIds()).isEmpty();
        assertThat(c.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void completeGraphIsFullyDenseReciprocalAndClustered() {
        List<String> nodes = nodes(30);
        List<Follow> follows = new ArrayList<>();
        for (String a : nodes) {
            for (String b : nodes) {
                if (!a.equals(b)) {
                    follows.add(new Follow(a, b));
                }
            }
        }
        Cohesion c = meter.measureGraph(nodes, follows);

        assertThat(c.edges()).isEqualTo(30 * 29);
        assertThat(c.connectedPairs()).isEqualTo(30 * 29 / 2);
        assertThat(c.density().value()).isEqualTo(1.0);
        assertThat(c.reciprocity().value()).isEqualTo(1.0);
        assertThat(c.reciprocity().ratio()).isEqualTo(1.0);
        assertThat(c.clustering().value()).isCloseTo(1.0, within(1e-12));
        assertThat(c.clustering().expected()).isEqualTo(1.0);
        assertThat(c.clustering().basis()).isEqualTo(30);
        assertThat(c.score())
                .as("every graph of density 1 is this graph: nothing above chance to measure")
                .isZero();
        assertThat(c.evidenceFollowerIds()).hasSize(10).startsWith("f0", "f1");
    }

    @Test
    void aDirectedTriangleAmongIsolatedNodesIsFullyClusteredButNotReciprocal() {
        List<Follow> triangle = List.of(new Follow("f0", "f1"), new Follow("f1", "f2"), new Follow("f2", "f0"));
        Cohesion c = meter.measureGraph(nodes(30), triangle);

        double pairs = 30 * 29 / 2.0;
        assertThat(c.edges()).isEqualTo(3);
        assertThat(c.density().value()).isCloseTo(3 / (30.0 * 29), within(1e-15));
        assertThat(c.reciprocity().value()).isZero();
        assertThat(c.reciprocity().expected()).isCloseTo(3 / (30.0 * 29), within(1e-15));
        assertThat(c.reciprocity().excess()).isCloseTo(-3 / (30.0 * 29), within(1e-15));
        assertThat(c.undirectedDensity()).isCloseTo(3 / pairs, within(1e-15));
        assertThat(c.clustering().value()).isEqualTo(1.0);
        assertThat(c.clustering().basis())
                .as("only the triangle's corners have two ties")
                .isEqualTo(3);
        assertThat(c.clustering().ratio()).isCloseTo(pairs / 3, within(1e-9));
        assertThat(c.evidenceFollowerIds()).containsExactly("f0", "f1", "f2");
        double pu = 3 / pairs;
        double p = 3 / (30.0 * 29);
        double k = 3 * (1 - pu) / ((3 + 5) * (1 - pu));
        double r = 3 * (0 - p) / ((3 + 10) * (1 - p));
        assertThat(c.parts().clustering())
                .as("one closed triangle is 3 nodes against 5 pseudo-nodes at chance")
                .isCloseTo(3 / 8.0, within(1e-12))
                .isCloseTo(k, within(1e-12));
        assertThat(c.parts().reciprocity()).isCloseTo(r, within(1e-12)).isNegative();
        assertThat(c.score()).isCloseTo((0.5 * k + 0.3 * r) / 0.8, within(1e-12));
    }

    @Test
    void oneReciprocalPairIsFullyReciprocalWithoutClustering() {
        Cohesion c = meter.measureGraph(nodes(30), List.of(new Follow("f3", "f7"), new Follow("f7", "f3")));

        assertThat(c.edges()).isEqualTo(2);
        assertThat(c.connectedPairs()).isEqualTo(1);
        assertThat(c.reciprocity().value()).isEqualTo(1.0);
        assertThat(c.reciprocity().ratio()).isCloseTo(30.0 * 29 / 2, within(1e-9));
        assertThat(c.clustering().available()).isFalse();
        assertThat(c.clustering().unavailableReason()).contains("two or more ties");
        assertThat(c.parts().reciprocity())
                .as("two returned follows against 10 pseudo-edges at chance")
                .isCloseTo(2 / 12.0, within(1e-12));
        assertThat(c.parts().clustering()).isZero();
        assertThat(c.score()).isCloseTo(0.3 * (2 / 12.0) / 0.8, within(1e-12));
    }

    @Test
    void isolatedNodesCountAndForeignRepeatedOrSelfTiesAreIgnored() {
        List<Follow> follows = List.of(
                new Follow("f0", "f1"), new Follow("f0", "f1"), new Follow("f0", "stranger"), new Follow("f2", "f2"));
        Cohesion withIsolated = meter.measureGraph(nodes(60), follows);
        Cohesion fewer = meter.measureGraph(nodes(30), follows);

        assertThat(withIsolated.edges()).isEqualTo(1);
        assertThat(withIsolated.density().value()).isCloseTo(1 / (60.0 * 59), within(1e-15));
        assertThat(fewer.density().value()).isCloseTo(1 / (30.0 * 29), within(1e-15));
        assertThat(withIsolated.parts().reciprocity())
                .as("an unreturned follow is below chance, the less so the sparser the graph")
                .isNegative()
                .isGreaterThan(fewer.parts().reciprocity());
        assertThat(withIsolated.score()).isZero();
    }

    @Test
    void fewerNodesThanTheMinimumIsUnavailableNotANumber() {
        List<Follow> dense = List.of(new Follow("f0", "f1"), new Follow("f1", "f0"));
        Cohesion c = meter.measureGraph(nodes(29), dense);

        assertThat(c.available()).isFalse();
        assertThat(c.unavailableReason()).contains("29 sampled followers").contains("30");
        assertThat(c.score()).isNull();
        assertThat(c.undirectedDensity()).isNull();
        assertThat(c.density().value()).isNull();
        assertThat(c.reciprocity().available()).isFalse();
        assertThat(c.confidence()).isEqualTo(Confidence.NONE);
        assertThat(meter.measureGraph(nodes(30), dense).available()).isTrue();
    }

    @Test
    void confidenceFollowsBothTheSampledFollowersAndTheEdgesAmongThem() {
        assertThat(meter.measureGraph(nodes(150), path(2)).confidence())
                .as("two edges among 150 followers")
                .isEqualTo(Confidence.LOW);
        assertThat(meter.measureGraph(nodes(150), path(20)).confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(meter.measureGraph(nodes(150), path(100)).confidence()).isEqualTo(Confidence.HIGH);
        assertThat(meter.measureGraph(nodes(30), path(200)).confidence())
                .as("many edges among too few followers")
                .isEqualTo(Confidence.LOW);
        assertThat(meter.measureGraph(nodes(90), path(200)).confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(meter.measureGraph(nodes(30), List.of()).confidence()).isEqualTo(Confidence.LOW);
    }

    /** {@code edges} distinct follows, f0→f1, f1→f2, … wrapping around the first 30 nodes and then skipping. */
    static List<Follow> path(int edges) {
        List<Follow> out = new ArrayList<>();
        for (int e = 0; e < edges; e++) {
            int step = 1 + e / 30;
            out.add(new Follow("f" + e % 30, "f" + (e % 30 + step) % 30));
        }
        return out;
    }

    @Test
    void measuresAnAccountsFollowerSampleAndItsEdges() {
        List<FollowerSample> followers = new ArrayList<>();
        for (String id : nodes(40)) {
            followers.add(new FollowerSample(
                    Platform.INSTAGRAM,
                    "acc",
                    id,
                    "h" + id,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    NOW));
        }
        List<FollowEdge> edges = List.of(
                new FollowEdge(Platform.INSTAGRAM, "acc", "f1", "f2"),
                new FollowEdge(Platform.INSTAGRAM, "acc", "f2", "f1"),
                new FollowEdge(Platform.INSTAGRAM, "acc", "f2", "f3"));
        AccountActivity activity = new AccountActivity(
                account(),
                List.of(),
                List.of(),
                followers.stream().map(SampledFollower::of).toList(),
                edges,
                List.of());

        Cohesion c = meter.measure(activity);

        assertThat(c.sampleSize()).isEqualTo(40);
        assertThat(c.edges()).isEqualTo(3);
        assertThat(c.reciprocity().value()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(c.evidenceFollowerIds()).containsExactly("f2", "f1", "f3");
        assertThat(c.repeatCommenters().available()).isFalse();
        assertThat(c.repeatCommenters().unavailableReason()).contains("only 0 posts");
    }

    @Test
    void repeatCommentersAreThoseOnAtLeastThreeOfTheLastTenPosts() {
        List<Post> posts = posts(12);
        List<Comment> comments = new ArrayList<>();
        // "a" on 3 recent posts, "b" on 2 recent + 2 older ones (older posts do not count), "c" on all 10 with
        // several comments each, the creator everywhere (never counted), eleven one-off commenters; "d" has no id
        // and is recognised by handle in any case.
        comment(comments, posts, "a", 0, 1, 2);
        comment(comments, posts, "b", 3, 4, 10, 11);
        comment(comments, posts, "c", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9);
        comment(comments, posts, "creator", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (int i = 0; i < 11; i++) {
            comment(comments, posts, "once" + i, i % 10);
        }
        comments.add(new Comment(Platform.INSTAGRAM, "x1", "p5", null, "Dee", "hi", NOW, null, null));
        comments.add(new Comment(Platform.INSTAGRAM, "x2", "p6", null, "dee", "hi", NOW, null, null));
        comments.add(new Comment(Platform.INSTAGRAM, "x3", "p7", null, "DEE", "hi", NOW, null, null));
        AccountActivity activity = new AccountActivity(account(), posts, comments, List.of(), List.of(), List.of());

        RepeatCommenters r = meter.repeatCommenters(activity);

        // distinct others: a, b, c, @dee, 11 one-offs = 15; repeat: c (10 posts), a (3), @dee (3)
        assertThat(r.available()).isTrue();
        assertThat(r.share().sampleSize()).isEqualTo(15);
        assertThat(r.share().successes()).isEqualTo(3);
        assertThat(r.commenterIds()).containsExactly("c", "@dee", "a");
        assertThat(r.postsUsed()).isEqualTo(10);
        assertThat(r.postIds()).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
        assertThat(r.share().low()).isLessThan(0.2).isGreaterThan(0);
        assertThat(r.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void repeatCommentersNeedTenPostsAndEnoughCommenters() {
        List<Comment> comments = new ArrayList<>();
        List<Post> nine = posts(9);
        for (int i = 0; i < 20; i++) {
            comment(comments, nine, "fan" + i, 0, 1, 2);
        }
        RepeatCommenters tooFewPosts =
                meter.repeatCommenters(new AccountActivity(account(), nine, comments, List.of(), List.of(), List.of()));
        assertThat(tooFewPosts.available()).isFalse();
        assertThat(tooFewPosts.share()).isNull();
        assertThat(tooFewPosts.unavailableReason()).contains("only 9 posts");

        List<Post> ten = posts(10);
        List<Comment> few = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            comment(few, ten, "fan" + i, 0, 1, 2);
        }
        RepeatCommenters tooFewPeople =
                meter.repeatCommenters(new AccountActivity(account(), ten, few, List.of(), List.of(), List.of()));
        assertThat(tooFewPeople.available()).isFalse();
        assertThat(tooFewPeople.unavailableReason()).contains("9 distinct commenters");
        assertThat(tooFewPeople.confidence()).isEqualTo(Confidence.NONE);
    }

    @Test
    void settingsRejectNonsense() {
        CohesionSettings.Scoring scoring = CohesionSettings.Scoring.defaults();
        assertThatThrownBy(() -> new CohesionSettings(1, 150, scoring, 10, 3, 10, 100, 10))
                .hasMessageContaining("minimumNodes");
        assertThatThrownBy(() -> new CohesionSettings(30, 150, null, 10, 3, 10, 100, 10))
                .hasMessageContaining("scoring");
        assertThatThrownBy(() -> new CohesionSettings(30, 150, scoring, 2, 3, 10, 100, 10))
                .hasMessageContaining("repeatPosts");
        assertThatThrownBy(() -> new CohesionSettings.Scoring(0, 0, 1, 5, 10, 10, 20, 100))
                .hasMessageContaining("weights");
        assertThatThrownBy(() -> new CohesionSettings.Scoring(0.5, 0.3, 0.2, -1, 10, 10, 20, 100))
                .hasMessageContaining("prior");
        assertThatThrownBy(() -> new CohesionSettings.Scoring(0.5, 0.3, 0.2, 5, 10, 10, 200, 100))
                .hasMessageContaining("mediumConfidenceEdges");
    }

    static Account account() {
        return new Account(
                Platform.INSTAGRAM,
                "creator",
                "the_creator",
                null,
                null,
                null,
                null,
                1000,
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
                    NOW.minusSeconds(86_400L * (i + 1)),
                    PostFormat.PHOTO,
                    "",
                    List.of(),
                    List.of(),
                    100L,
                    10L,
                    null,
                    null,
                    null,
                    1000L,
                    null,
                    null));
        }
        return posts;
    }

    private static int next;

    static void comment(List<Comment> out, List<Post> posts, String author, int... postIndexes) {
        for (int i : postIndexes) {
            Post p = posts.get(i);
            out.add(new Comment(
                    Platform.INSTAGRAM,
                    "c" + next++,
                    p.platformId(),
                    author,
                    "h_" + author,
                    "nice",
                    p.publishedAt().plusSeconds(600),
                    null,
                    null));
        }
    }
}
