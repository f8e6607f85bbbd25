package io.microreach.signals.conversation;

import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reply rate and reply delay of a creator (PRODUCT.md "Reply rate").
 *
 * <p><b>Definition (the contract).</b> Of the top-level comments written by others on the posts of the window, the
 * share that received a reply from the creator within 7 days; a reply is a comment by the creator (see {@link
 * AccountActivity#isByCreator}) whose {@code parentPlatformId} is that comment. The delay is measured to the
 * creator's earliest reply; the median is over answered comments.
 *
 * <p><b>Censoring.</b> A comment written less than 7 days before the observation time may still be answered, so its
 * outcome is unknown; counting it as unanswered would bias the rate down for every active account, more for
 * frequent posters. Such comments are left out ({@code unsettledComments} says how many). The observation time is
 * the account's {@code observedAt}; when the source does not record it, the latest timestamp in the data stands in,
 * which can only make fewer comments look settled, never more.
 *
 * <p><b>Decisions.</b> Replies after the window ({@code lateReplies}) do not count. A creator's top-level comment
 * that @-mentions a commenter is not a reply: it is usually a general thank-you and cannot be tied to one comment
 * reliably, so it is only counted in {@code mentionOnlyAnswers}. A creator reply to a reply deeper in a thread does
 * not answer the top-level comment. A creator reply whose parent is not in the data (deleted comment, comment
 * outside the crawled page) cannot be put in the denominator and is only counted ({@code orphanReplies}). The
 * creator's own top-level comments are neither counted nor answered. Posts whose comments are disabled or empty
 * contribute nothing; when no post has a comment the rate is unavailable with that reason.
 *
 * <p>The rate carries a Wilson 95% interval (see {@link Proportion}); below {@link ReplySettings#minimumComments}
 * settled comments it is unavailable rather than a noisy number.
 */
public final class ReplyRateCalculator {
    private final ReplySettings settings;

    public ReplyRateCalculator() {
        this(ReplySettings.DEFAULT);
    }

    ReplyRateCalculator(ReplySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Measures at the account's observation time (or the latest timestamp in the data when it has none). */
    public ReplyRate measure(AccountActivity activity) {
        return measure(activity, null);
    }

    /**
     * @param observedAt when the data was collected; {@code null} for the account's {@code observedAt} or, failing
     *     that, the latest timestamp in the data
     */
    public ReplyRate measure(AccountActivity activity, Instant observedAt) {
        List<Post> posts = activity.posts()
                .subList(0, Math.min(settings.maxPosts(), activity.posts().size()));
        Map<String, Integer> postRank = new HashMap<>(2 * posts.size() + 1);
        for (int i = 0; i < posts.size(); i++) {
            postRank.putIfAbsent(posts.get(i).platformId(), i);
        }
        // One pass: each comment's post rank and authorship are looked up once, not again while sorting.
        List<Comment> comments = new ArrayList<>(activity.comments().size());
        List<Ranked> topLevel = new ArrayList<>();
        List<Comment> creatorReplies = new ArrayList<>();
        Map<String, List<Comment>> creatorTopLevelByPost = new HashMap<>();
        for (Comment c : activity.comments()) {
            Integer rank = postRank.get(c.postPlatformId());
            if (rank == null) {
                continue;
            }
            comments.add(c);
            boolean byCreator = activity.isByCreator(c);
            if (c.parentPlatformId() == null) {
                if (byCreator) {
                    creatorTopLevelByPost
                            .computeIfAbsent(c.postPlatformId(), k -> new ArrayList<>())
                            .add(c);
                } else {
                    topLevel.add(new Ranked(c, rank));
                }
            } else if (byCreator) {
                creatorReplies.add(c);
            }
        }
        Instant now = observedAt != null ? observedAt : observationTime(activity, posts, comments);
        if (posts.isEmpty()) {
            return unavailable(now, "no posts in the window");
        }

        // Only whether a reply's parent is among the comments matters, so look up the few parents of the creator's
        // replies instead of indexing every comment by id.
        Set<String> parentsPresent = new HashSet<>();
        if (!creatorReplies.isEmpty()) {
            Set<String> wanted = new HashSet<>();
            for (Comment r : creatorReplies) {
                wanted.add(r.parentPlatformId());
            }
            for (Comment c : comments) {
                if (wanted.contains(c.platformId())) {
                    parentsPresent.add(c.platformId());
                }
            }
        }
        int orphans = 0;
        Map<String, Instant> firstReply = new HashMap<>();
        for (Comment c : creatorReplies) {
            if (!parentsPresent.contains(c.parentPlatformId())) {
                orphans++;
            } else {
                firstReply.merge(c.parentPlatformId(), c.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }

        if (topLevel.isEmpty()) {
            return unavailable(now, noCommentsReason(posts, comments));
        }
        // Newest posts first, then oldest comment first: the evidence lists show the most recent conversations.
        topLevel.sort(Ranked::compareTo);

        Duration window = settings.replyWindow();
        Instant settledBefore = now.minus(window);
        List<String> answered = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        List<Double> delays = new ArrayList<>();
        // Authors by platform id when known, else by handle: two sets instead of prefixed keys built per comment.
        Authors commenters = new Authors(topLevel.size());
        Authors answeredCommenters = new Authors(topLevel.size());
        int unsettled = 0;
        int late = 0;
        int mentionOnly = 0;
        long settled = 0;
        for (Ranked ranked : topLevel) {
            Comment c = ranked.comment();
            if (c.createdAt().isAfter(settledBefore)) {
                unsettled++;
                continue;
            }
            settled++;
            commenters.add(c);
            Instant reply = firstReply.get(c.platformId());
            // A reply stamped a little before its comment is clock skew between crawls, not time travel.
            Duration delay = reply == null ? null : Duration.between(c.createdAt(), reply);
            if (delay != null && delay.isNegative()) {
                delay = Duration.ZERO;
            }
            if (delay != null && delay.compareTo(window) <= 0) {
                answered.add(c.platformId());
                answeredCommenters.add(c);
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

        Confidence confidence = Confidence.of(settled, settings.minimumComments(), settings.highConfidenceComments());
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

    /** A top-level comment by someone else and the rank of its post (0 = newest). */
    private record Ranked(Comment comment, int postRank) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            int byPost = Integer.compare(postRank, o.postRank);
            if (byPost != 0) {
                return byPost;
            }
            int byTime = comment.createdAt().compareTo(o.comment.createdAt());
            return byTime != 0 ? byTime : comment.platformId().compareTo(o.comment.platformId());
        }
    }

    /** Distinct authors: by platform id when known, else by handle as written; the two never collide. */
    private static final class Authors {
        private final Set<String> ids;
        private final Set<String> handles = new HashSet<>();

        Authors(int comments) {
            ids = new HashSet<>(comments + comments / 3 + 1);
        }

        void add(Comment c) {
            if (c.authorPlatformId() != null) {
                ids.add(c.authorPlatformId());
            } else {
                handles.add(c.authorHandle());
            }
        }

        int size() {
            return ids.size() + handles.size();
        }
    }

    private static String days(Duration window) {
        return window.toHours() % 24 == 0 ? window.toDays() + " days" : window.toHours() + " hours";
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
