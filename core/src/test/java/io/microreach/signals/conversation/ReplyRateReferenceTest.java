package io.microreach.signals.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReplyRateCalculator#measure} against the implementation before it was restructured for speed (copied
 * below as {@link PreviousReplyRateCalculator}), on seeded random threads: comments on posts inside and outside the
 * window, repeated post ids, the creator's replies to comments in the data, to missing ones and to replies, late and
 * clock-skewed replies, top-level thank-yous that mention commenters, commenters known only by handle (in mixed
 * case), the creator known only by handle, unsettled comments, with and without an observation time. Every field of
 * the result must be equal.
 */
class ReplyRateReferenceTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsThePreviousImplementation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ReplySettings settings = new ReplySettings(
                Duration.ofHours(24 + rng.nextInt(24 * 10)),
                1 + rng.nextInt(30),
                1 + rng.nextInt(8),
                10 + rng.nextInt(40),
                1 + rng.nextInt(4),
                1 + rng.nextInt(10));
        Threads t = new Threads();
        int postCount = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(40);
        double day = 0;
        for (int i = 0; i < postCount; i++) {
            day += rng.nextDouble() * 3;
            t.post(day, null, rng.nextInt(5) == 0 ? 0L : 10L);
        }
        if (postCount > 3 && rng.nextInt(8) == 0) {
            t.posts.set(3, t.posts.get(1)); // a repeated post id
        }
        List<String> postIds = new ArrayList<>();
        t.posts.forEach(p -> postIds.add(p.platformId()));
        List<String> commentIds = new ArrayList<>();
        int people = 1 + rng.nextInt(40);
        int count = postCount == 0 ? 0 : rng.nextInt(150);
        for (int i = 0; i < count; i++) {
            String post = rng.nextInt(12) == 0 ? "elsewhere" : postIds.get(rng.nextInt(postIds.size()));
            double hoursAgo = rng.nextDouble() * 24 * 40;
            int kind = rng.nextInt(10);
            int person = rng.nextInt(people);
            String authorId = rng.nextInt(6) == 0 ? null : "u" + person;
            String handle = rng.nextBoolean() ? "fan" + person : "Fan" + person;
            if (kind <= 3 || commentIds.isEmpty()) {
                commentIds.add(t.add(post, authorId, handle, "nice", hoursAgo, null));
            } else if (kind <= 6) {
                // A creator reply: to a comment in the data (maybe before it: clock skew), or to a missing one.
                String parent = rng.nextInt(8) == 0
                        ? "missing" + rng.nextInt(3)
                        : commentIds.get(rng.nextInt(commentIds.size()));
                String creatorId = rng.nextInt(4) == 0 ? null : Threads.CREATOR_ID;
                String creatorHandle = rng.nextBoolean() ? Threads.CREATOR : "LENA";
                commentIds.add(t.add(post, creatorId, creatorHandle, "thanks!", hoursAgo, parent));
            } else if (kind == 7) {
                String mentioned =
                        rng.nextBoolean() ? "@fan" + rng.nextInt(people) : "@fan" + rng.nextInt(people) + "x";
                commentIds.add(t.add(
                        post, Threads.CREATOR_ID, Threads.CREATOR, "thank you " + mentioned + "!", hoursAgo, null));
            } else {
                commentIds.add(t.add(
                        post, authorId, handle, "agreed", hoursAgo, commentIds.get(rng.nextInt(commentIds.size()))));
            }
        }
        if (rng.nextInt(4) == 0) {
            t.observedAt = null;
        }
        Instant observedAt = rng.nextInt(5) == 0 ? Threads.NOW.plus(Duration.ofHours(rng.nextInt(100))) : null;
        AccountActivity activity = t.activity();

        ReplyRate actual = new ReplyRateCalculator(settings).measure(activity, observedAt);

        assertThat(actual).isEqualTo(new PreviousReplyRateCalculator(settings).measure(activity, observedAt));
    }

    /**
     * {@code ReplyRateCalculator} as it was before the speed-up: a deliberate reference copy of main code, kept here as
     * an independent oracle for the restructured implementation. Its lines that still match {@code
     * ReplyRateCalculator} are meant to; do not replace them with calls into the code under test.
     */
    static final class PreviousReplyRateCalculator {
        private final ReplySettings settings;

        PreviousReplyRateCalculator(ReplySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /**
         * @param observedAt when the data was collected; {@code null} for the account's {@code observedAt} or, failing
         *     that, the latest timestamp in the data
         */
        ReplyRate measure(AccountActivity activity, Instant observedAt) {
            List<Post> posts = activity.posts()
                    .subList(0, Math.min(settings.maxPosts(), activity.posts().size()));
            Map<String, Integer> postRank = new HashMap<>();
            for (int i = 0; i < posts.size(); i++) {
                postRank.putIfAbsent(posts.get(i).platformId(), i);
            }
            List<Comment> comments = new ArrayList<>();
            for (Comment c : activity.comments()) {
                if (postRank.containsKey(c.postPlatformId())) {
                    comments.add(c);
                }
            }
            Instant now = observedAt != null ? observedAt : observationTime(activity, posts, comments);
            if (posts.isEmpty()) {
                return unavailable(now, "no posts in the window");
            }

            Map<String, Comment> byId = new HashMap<>();
            Map<String, Instant> firstReply = new HashMap<>();
            Map<String, List<Comment>> creatorTopLevelByPost = new HashMap<>();
            for (Comment c : comments) {
                byId.put(c.platformId(), c);
            }
            int orphans = 0;
            for (Comment c : comments) {
                if (!activity.isByCreator(c)) {
                    continue;
                }
                if (c.parentPlatformId() == null) {
                    creatorTopLevelByPost
                            .computeIfAbsent(c.postPlatformId(), k -> new ArrayList<>())
                            .add(c);
                } else if (!byId.containsKey(c.parentPlatformId())) {
                    orphans++;
                } else {
                    firstReply.merge(c.parentPlatformId(), c.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }

            List<Comment> topLevel = new ArrayList<>();
            for (Comment c : comments) {
                if (c.parentPlatformId() == null && !activity.isByCreator(c)) {
                    topLevel.add(c);
                }
            }
            if (topLevel.isEmpty()) {
                return unavailable(now, noCommentsReason(posts, comments));
            }
            // Newest posts first, then oldest comment first: the evidence lists show the most recent conversations.
            topLevel.sort(Comparator.<Comment>comparingInt(c -> postRank.get(c.postPlatformId()))
                    .thenComparing(Comment::createdAt)
                    .thenComparing(Comment::platformId));

            Duration window = settings.replyWindow();
            Instant settledBefore = now.minus(window);
            List<String> answered = new ArrayList<>();
            List<String> unanswered = new ArrayList<>();
            List<Double> delays = new ArrayList<>();
            Set<String> commenters = new HashSet<>();
            Set<String> answeredCommenters = new HashSet<>();
            int unsettled = 0;
            int late = 0;
            int mentionOnly = 0;
            long settled = 0;
            for (Comment c : topLevel) {
                if (c.createdAt().isAfter(settledBefore)) {
                    unsettled++;
                    continue;
                }
                settled++;
                String author = authorKey(c);
                commenters.add(author);
                Instant reply = firstReply.get(c.platformId());
                // A reply stamped a little before its comment is clock skew between crawls, not time travel.
                Duration delay = reply == null ? null : Duration.between(c.createdAt(), reply);
                if (delay != null && delay.isNegative()) {
                    delay = Duration.ZERO;
                }
                if (delay != null && delay.compareTo(window) <= 0) {
                    answered.add(c.platformId());
                    answeredCommenters.add(author);
                    delays.add(delay.toMillis() / 3_600_000.0);
                    continue;
                }
                unanswered.add(c.platformId());
                if (delay != null) {
                    late++;
                } else if (mentionedByCreator(c, creatorTopLevelByPost.get(c.postPlatformId()), window)) {
                    mentionOnly++;
                }
            }

            Confidence confidence =
                    Confidence.of(settled, settings.minimumComments(), settings.highConfidenceComments());
            int limit = settings.evidenceLimit();
            List<String> answeredSample = answered.subList(0, Math.min(limit, answered.size()));
            List<String> unansweredSample = unanswered.subList(0, Math.min(limit, unanswered.size()));
            if (confidence == Confidence.NONE) {
                String reason = settled == 0
                        ? "all " + unsettled + " comment(s) by others are younger than " + days(window)
                                + ", so none has a settled outcome yet"
                        : "only " + settled + " settled comment(s) by others; at least " + settings.minimumComments()
                                + " are needed";
                return new ReplyRate(
                        null,
                        null,
                        answeredSample,
                        unansweredSample,
                        commenters.size(),
                        answeredCommenters.size(),
                        unsettled,
                        late,
                        mentionOnly,
                        orphans,
                        now,
                        Confidence.NONE,
                        reason);
            }
            Double median = delays.size() >= settings.minimumAnswersForDelay() ? median(delays) : null;
            return new ReplyRate(
                    Proportion.wilson(answered.size(), settled),
                    median,
                    answeredSample,
                    unansweredSample,
                    commenters.size(),
                    answeredCommenters.size(),
                    unsettled,
                    late,
                    mentionOnly,
                    orphans,
                    now,
                    confidence,
                    null);
        }

        private ReplyRate unavailable(Instant now, String reason) {
            return new ReplyRate(null, null, List.of(), List.of(), 0, 0, 0, 0, 0, 0, now, Confidence.NONE, reason);
        }

        private static String noCommentsReason(List<Post> posts, List<Comment> comments) {
            boolean anyReported = posts.stream().anyMatch(p -> p.comments() != null && p.comments() > 0);
            if (!comments.isEmpty()) {
                return "no top-level comments by others on the " + posts.size() + " post(s); only the creator's own";
            }
            if (anyReported) {
                return "the posts report comments but no comment records were collected";
            }
            return "no comments on the " + posts.size() + " post(s) (comments disabled or none written)";
        }

        private static Instant observationTime(AccountActivity activity, List<Post> posts, List<Comment> comments) {
            if (activity.account().observedAt() != null) {
                return activity.account().observedAt();
            }
            Instant latest = null;
            for (Post p : posts) {
                latest = latest == null || p.publishedAt().isAfter(latest) ? p.publishedAt() : latest;
            }
            for (Comment c : comments) {
                latest = latest == null || c.createdAt().isAfter(latest) ? c.createdAt() : latest;
            }
            return latest;
        }

        private static boolean mentionedByCreator(Comment comment, List<Comment> creatorComments, Duration window) {
            if (creatorComments == null) {
                return false;
            }
            String mention = "@" + comment.authorHandle().toLowerCase(Locale.ROOT);
            Instant until = comment.createdAt().plus(window);
            for (Comment c : creatorComments) {
                if (!c.createdAt().isBefore(comment.createdAt())
                        && !c.createdAt().isAfter(until)
                        && mentions(c.text().toLowerCase(Locale.ROOT), mention)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean mentions(String text, String mention) {
            int at = text.indexOf(mention);
            while (at >= 0) {
                int end = at + mention.length();
                if (end == text.length() || !isHandleChar(text.charAt(end))) {
                    return true;
                }
                at = text.indexOf(mention, at + 1);
            }
            return false;
        }

        private static boolean isHandleChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }

        private static String authorKey(Comment c) {
            return c.authorPlatformId() != null ? "id:" + c.authorPlatformId() : "handle:" + c.authorHandle();
        }

        private static String days(Duration window) {
            return window.toHours() % 24 == 0 ? window.toDays() + " days" : window.toHours() + " hours";
        }

        private static double median(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }
}
