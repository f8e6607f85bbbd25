package io.microreach.signals.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Comment;
import io.microreach.domain.Platform;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CohesionMeter#repeatCommenters} (post bit masks per commenter) against the implementation it replaced
 * (a {@code HashSet} of post ids per commenter, copied below), on seeded random activities: windows of 2 to 80
 * posts (more than one 64-bit word), comments outside the window, repeated comments on one post, commenters known
 * only by handle in mixed case, the creator's own comments by id and by handle, and repeated post ids.
 */
class RepeatCommentersReferenceTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsThePreviousImplementation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int recent = 2 + rng.nextInt(rng.nextBoolean() ? 12 : 79);
        int repeatPosts = 2 + rng.nextInt(Math.min(recent - 1, 6));
        int minimumCommenters = 1 + rng.nextInt(15);
        CohesionSettings settings = new CohesionSettings(
                30,
                150,
                CohesionSettings.Scoring.defaults(),
                recent,
                repeatPosts,
                minimumCommenters,
                minimumCommenters + 50,
                1 + rng.nextInt(10));
        List<Post> posts = CohesionMeterTest.posts(Math.max(1, recent - 2 + rng.nextInt(6)));
        if (rng.nextInt(10) == 0 && posts.size() > 3) {
            posts.set(2, posts.get(0)); // a repeated post id
        }
        List<Comment> comments = new ArrayList<>();
        int people = 1 + rng.nextInt(60);
        int count = rng.nextInt(20 * recent + 1);
        for (int i = 0; i < count; i++) {
            String post = rng.nextInt(10) == 0
                    ? "elsewhere" + rng.nextInt(3)
                    : posts.get(rng.nextInt(posts.size())).platformId();
            int person = rng.nextInt(people);
            String id;
            String handle;
            switch (rng.nextInt(12)) {
                case 0 -> {
                    id = "creator";
                    handle = "the_creator";
                }
                case 1 -> {
                    id = null;
                    handle = rng.nextBoolean() ? "The_Creator" : "the_creator";
                }
                case 2, 3 -> {
                    id = null;
                    handle = rng.nextBoolean() ? "Fan" + person : "fan" + person;
                }
                default -> {
                    id = "did:plc:" + person;
                    handle = "fan" + person;
                }
            }
            comments.add(new Comment(
                    Platform.INSTAGRAM,
                    "c" + i,
                    post,
                    id,
                    handle,
                    "nice",
                    posts.get(0).publishedAt(),
                    null,
                    null));
        }
        AccountActivity activity =
                new AccountActivity(CohesionMeterTest.account(), posts, comments, List.of(), List.of(), List.of());

        RepeatCommenters actual = new CohesionMeter(settings).repeatCommenters(activity);

        assertThat(actual).isEqualTo(reference(settings, activity));
    }

    /**
     * {@code CohesionMeter.repeatCommenters} as it was (commit b9a94f1): a deliberate reference copy of main code,
     * kept here as an independent oracle for the faster implementation. Its lines that still match {@code CohesionMeter}
     * are meant to; do not replace them with calls into the code under test.
     */
    static RepeatCommenters reference(CohesionSettings settings, AccountActivity activity) {
        List<Post> recent = activity.posts()
                .subList(0, Math.min(settings.recentPosts(), activity.posts().size()));
        List<String> postIds = recent.stream().map(Post::platformId).toList();
        if (recent.size() < settings.recentPosts()) {
            return new RepeatCommenters(
                    null,
                    recent.size(),
                    settings.repeatPosts(),
                    List.of(),
                    postIds,
                    Confidence.NONE,
                    "only " + recent.size() + " posts; the ratio is defined on the last " + settings.recentPosts());
        }
        Set<String> window = new HashSet<>(postIds);
        Map<String, Set<String>> postsByCommenter = new HashMap<>();
        for (Comment c : activity.comments()) {
            if (window.contains(c.postPlatformId()) && !activity.isByCreator(c)) {
                postsByCommenter
                        .computeIfAbsent(commenterKey(c), k -> new HashSet<>())
                        .add(c.postPlatformId());
            }
        }
        int commenters = postsByCommenter.size();
        if (commenters < settings.minimumCommenters()) {
            return new RepeatCommenters(
                    null,
                    recent.size(),
                    settings.repeatPosts(),
                    List.of(),
                    postIds,
                    Confidence.NONE,
                    commenters + " distinct commenters on the last " + recent.size() + " posts; at least "
                            + settings.minimumCommenters() + " needed");
        }
        List<Map.Entry<String, Set<String>>> repeat = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : postsByCommenter.entrySet()) {
            if (e.getValue().size() >= settings.repeatPosts()) {
                repeat.add(e);
            }
        }
        repeat.sort(Comparator.comparingInt(
                        (Map.Entry<String, Set<String>> e) -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey));
        List<String> evidence = repeat.stream()
                .limit(settings.evidenceLimit())
                .map(Map.Entry::getKey)
                .toList();
        return new RepeatCommenters(
                Proportion.wilson(repeat.size(), commenters),
                recent.size(),
                settings.repeatPosts(),
                evidence,
                postIds,
                Confidence.of(commenters, settings.minimumCommenters(), settings.highConfidenceCommenters()),
                null);
    }

    private static String commenterKey(Comment c) {
        return c.authorPlatformId() != null
                ? c.authorPlatformId()
                : "@" + c.authorHandle().toLowerCase(Locale.ROOT);
    }
}
