package io.microreach.signals.anomalies;

import io.microreach.domain.Comment;
import io.microreach.domain.FollowerCount;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Finds engagement anomalies in one account's activity.
 *
 * <p><b>Follower spikes.</b> The relative day-over-day change r_t = (c_t − c_{t−1}) / c_{t−1} (divided by the gap
 * when days are missing) is scored with the robust z-score (r_t − median) / (1.4826 · MAD) (Iglewicz &amp; Hoaglin,
 * "How to Detect and Handle Outliers", 1993; Rousseeuw &amp; Croux 1993 for the 1.4826). Relative rather than
 * absolute changes, because organic growth is multiplicative: a 5,000-follower account adds five times the
 * followers of a 1,000-follower one on an ordinary day. Median and MAD rather than mean and standard deviation,
 * because the spikes themselves would inflate a standard deviation and hide each other. A day is flagged when z ≥
 * 6 and the jump is at least 2% and 10 followers (see {@link AnomalySettings#defaults()}); only jumps up are
 * flagged (the slow purge that follows a purchase is not a spike).
 *
 * <p><b>Like-to-comment ratio.</b> Total likes / total comments over the recent posts (pooled, since most small
 * posts have no comment and a per-post ratio would be undefined), compared on the log scale with the peer group's
 * median and MAD; |z| ≥ 3.5 is an outlier either way.
 *
 * <p><b>Comment pods.</b> On the most recent posts that carry comments by others, every commenter gets the share
 * of those posts they commented on (top level) and the median delay from publishing to their first comment per
 * post. Commenters on ≥ 60% of the posts with a median delay ≤ 15 minutes are "fast regulars"; 3–15 of them form a
 * suspected pod. Fans arrive after hours (organic comment delays have a median of a few hours), so even a devoted
 * engaged core rarely has a median delay of minutes, while engagement groups comment right after publishing to
 * push the post in the ranking. The pod's generic-comment share is reported as supporting evidence, not required.
 *
 * <p><b>Generic comments.</b> Share of top-level comments by others on the same recent posts that are emoji-only or
 * short generic praise ({@code GenericCommentClassifier}).
 */
public final class AnomalyDetector {
    private final AnomalySettings settings;
    private final GenericCommentClassifier generic = new GenericCommentClassifier();

    public AnomalyDetector() {
        this(AnomalySettings.defaults());
    }

    AnomalyDetector(AnomalySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * All checks on one account.
     *
     * @param peers the like-to-comment ratios of the account's peer group (platform × tier); {@code null} when
     *     there is none yet, which leaves the ratio uncompared
     */
    Anomalies detect(AccountActivity activity, PeerRatios peers) {
        return new Anomalies(
                followerSpikes(activity.history()),
                likeCommentRatio(activity.posts(), peers),
                commentPods(activity),
                genericComments(activity));
    }

    /** @param history daily follower counts, oldest first */
    public SpikeScan followerSpikes(List<FollowerCount> history) {
        List<FollowerCount> days = new ArrayList<>(history);
        days.sort(Comparator.comparing(FollowerCount::date));
        if (days.size() < settings.minimumHistoryDays()) {
            return new SpikeScan(
                    List.of(),
                    days.size(),
                    null,
                    null,
                    Confidence.NONE,
                    days.size() + " days of follower history; at least " + settings.minimumHistoryDays() + " needed");
        }
        List<double[]> changes = new ArrayList<>();
        for (int i = 1; i < days.size(); i++) {
            long before = days.get(i - 1).followers();
            long gap =
                    ChronoUnit.DAYS.between(days.get(i - 1).date(), days.get(i).date());
            if (before > 0 && gap > 0) {
                double change = (days.get(i).followers() - before) / (double) before / gap;
                changes.add(new double[] {i, change});
            }
        }
        if (changes.size() < settings.minimumHistoryDays() - 1) {
            return new SpikeScan(
                    List.of(),
                    days.size(),
                    null,
                    null,
                    Confidence.NONE,
                    "only " + changes.size() + " usable day-over-day changes");
        }
        double[] values = changes.stream().mapToDouble(c -> c[1]).toArray();
        double median = RobustStatistics.median(values);
        double scale =
                Math.max(RobustStatistics.MAD_TO_SD * RobustStatistics.mad(values, median), settings.spikeScaleFloor());
        List<Spike> spikes = new ArrayList<>();
        for (double[] c : changes) {
            int i = (int) c[0];
            double z = (c[1] - median) / scale;
            long before = days.get(i - 1).followers();
            long after = days.get(i).followers();
            if (z >= settings.spikeZ()
                    && after - before >= settings.spikeMinimumAdded()
                    && after - before >= settings.spikeMinimumJump() * before) {
                spikes.add(new Spike(
                        days.get(i).date(), before, after, after - before, 100.0 * (after - before) / before, z));
            }
        }
        return new SpikeScan(
                spikes,
                days.size(),
                median,
                scale,
                Confidence.of(days.size(), settings.minimumHistoryDays(), 60),
                null);
    }

    /**
     * The account's like-to-comment ratio, compared with its peers when given. Also what a caller computes for
     * every account to build the {@link PeerRatios} of a group.
     *
     * @param posts newest first
     * @param peers {@code null} for the ratio alone
     */
    public LikeCommentRatio likeCommentRatio(List<Post> posts, PeerRatios peers) {
        long likes = 0;
        long comments = 0;
        List<String> used = new ArrayList<>();
        for (Post p : posts.subList(0, Math.min(settings.ratioPosts(), posts.size()))) {
            if (p.likes() != null && p.comments() != null) {
                likes += p.likes();
                comments += p.comments();
                used.add(p.platformId());
            }
        }
        List<String> evidence = used.subList(0, Math.min(settings.evidenceLimit(), used.size()));
        String group = peers == null ? null : peers.group();
        String missing = null;
        if (used.size() < settings.ratioMinimumPosts()) {
            missing = used.size() + " posts report likes and comments; at least " + settings.ratioMinimumPosts()
                    + " needed";
        } else if (comments < settings.ratioMinimumComments()) {
            missing = comments + " comments on " + used.size() + " posts; at least " + settings.ratioMinimumComments()
                    + " needed";
        } else if (likes == 0) {
            missing = "no likes on " + used.size() + " posts";
        }
        if (missing != null) {
            return new LikeCommentRatio(
                    null, likes, comments, used.size(), null, null, group, evidence, Confidence.NONE, missing);
        }
        double ratio = (double) likes / comments;
        Confidence confidence = Confidence.of(used.size(), settings.ratioMinimumPosts(), settings.ratioPosts());
        return compareWithPeers(
                new LikeCommentRatio(
                        ratio, likes, comments, used.size(), null, null, group, evidence, confidence, null),
                peers);
    }

    /**
     * Compares an account's ratio, measured earlier without peers, with its peer group. Scoring measures every
     * account first, then builds the peer summaries, then calls this, so posts need not be kept in between.
     */
    public LikeCommentRatio compareWithPeers(LikeCommentRatio alone, PeerRatios peers) {
        if (alone.ratio() == null) {
            return alone;
        }
        String group = peers == null ? null : peers.group();
        if (peers == null || peers.peers() < settings.minimumPeers() || peers.madLogRatio() == 0) {
            String reason = peers == null
                    ? "no peer group given"
                    : peers.madLogRatio() == 0 && peers.peers() >= settings.minimumPeers()
                            ? "peer ratios do not vary (MAD 0)"
                            : peers.peers() + " peers; at least " + settings.minimumPeers() + " needed";
            return new LikeCommentRatio(
                    alone.ratio(),
                    alone.likes(),
                    alone.comments(),
                    alone.posts(),
                    null,
                    null,
                    group,
                    alone.postIds(),
                    alone.confidence(),
                    reason);
        }
        double z =
                (Math.log(alone.ratio()) - peers.medianLogRatio()) / (RobustStatistics.MAD_TO_SD * peers.madLogRatio());
        LikeCommentRatio.Direction direction = null;
        if (Math.abs(z) >= settings.ratioZ()) {
            direction = z > 0
                    ? LikeCommentRatio.Direction.MORE_LIKES_PER_COMMENT
                    : LikeCommentRatio.Direction.FEWER_LIKES_PER_COMMENT;
        }
        return new LikeCommentRatio(
                alone.ratio(),
                alone.likes(),
                alone.comments(),
                alone.posts(),
                z,
                direction,
                group,
                alone.postIds(),
                alone.confidence(),
                null);
    }

    /** The comment-pod check on the account's most recent posts. */
    public PodScan commentPods(AccountActivity activity) {
        RecentComments recent = recentComments(activity);
        int checked = recent.byPost.size();
        if (checked < settings.podMinimumPosts()) {
            return new PodScan(
                    null,
                    checked,
                    0,
                    Confidence.NONE,
                    checked + " of the last " + settings.podPosts() + " posts carry comments by others; at least "
                            + settings.podMinimumPosts() + " needed");
        }
        // commenter -> (post -> first comment on that post)
        Map<String, Map<String, Comment>> firstByCommenter = new LinkedHashMap<>();
        Map<String, String> handles = new HashMap<>();
        for (List<Comment> onPost : recent.byPost.values()) {
            for (Comment c : onPost) {
                String key = commenterKey(c);
                handles.put(key, c.authorHandle());
                firstByCommenter
                        .computeIfAbsent(key, k -> new HashMap<>())
                        .merge(c.postPlatformId(), c, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? b : a);
            }
        }
        List<PodMember> members = new ArrayList<>();
        for (Map.Entry<String, Map<String, Comment>> e : firstByCommenter.entrySet()) {
            Map<String, Comment> firsts = e.getValue();
            if (firsts.size() < settings.podCoverage() * checked) {
                continue;
            }
            double[] delays = firsts.values().stream()
                    .mapToDouble(c -> delaySeconds(recent.posts.get(c.postPlatformId()), c))
                    .toArray();
            double median = RobustStatistics.median(delays);
            if (median <= settings.podMaximumDelay().toSeconds()) {
                members.add(new PodMember(
                        e.getKey(), handles.get(e.getKey()), firsts.size(), Duration.ofSeconds(Math.round(median))));
            }
        }
        Confidence confidence = Confidence.of(checked, settings.podMinimumPosts(), settings.podPosts());
        if (members.size() < settings.podMinimumMembers() || members.size() > settings.podMaximumMembers()) {
            return new PodScan(null, checked, members.size(), confidence, null);
        }
        members.sort(Comparator.comparingInt((PodMember m) -> -m.posts()).thenComparing(PodMember::id));
        List<String> postIds = new ArrayList<>();
        List<String> commentIds = new ArrayList<>();
        List<Double> delays = new ArrayList<>();
        int memberComments = 0;
        int genericComments = 0;
        for (Map.Entry<String, List<Comment>> e : recent.byPost.entrySet()) {
            boolean fast = false;
            for (PodMember m : members) {
                Comment first = firstByCommenter.get(m.id()).get(e.getKey());
                if (first != null) {
                    double delay = delaySeconds(recent.posts.get(e.getKey()), first);
                    delays.add(delay);
                    fast |= delay <= settings.podMaximumDelay().toSeconds();
                }
            }
            if (fast) {
                postIds.add(e.getKey());
            }
            for (Comment c : e.getValue()) {
                if (members.stream().anyMatch(m -> m.id().equals(commenterKey(c)))) {
                    memberComments++;
                    genericComments += generic.isGeneric(c.text()) ? 1 : 0;
                    if (commentIds.size() < settings.evidenceLimit()) {
                        commentIds.add(c.platformId());
                    }
                }
            }
        }
        double medianDelay = RobustStatistics.median(
                delays.stream().mapToDouble(Double::doubleValue).toArray());
        Pod pod = new Pod(
                members,
                postIds,
                commentIds,
                checked,
                Duration.ofSeconds(Math.round(medianDelay)),
                (double) genericComments / memberComments);
        return new PodScan(pod, checked, members.size(), confidence, null);
    }

    /** Generic comments among the top-level comments by others on the recent posts. */
    public GenericComments genericComments(AccountActivity activity) {
        RecentComments recent = recentComments(activity);
        long total = 0;
        long count = 0;
        List<String> ids = new ArrayList<>();
        for (List<Comment> onPost : recent.byPost.values()) {
            for (Comment c : onPost) {
                total++;
                if (generic.isGeneric(c.text())) {
                    count++;
                    if (ids.size() < settings.evidenceLimit()) {
                        ids.add(c.platformId());
                    }
                }
            }
        }
        if (total == 0) {
            return new GenericComments(
                    null, List.of(), "no comments by others on the last " + settings.podPosts() + " posts");
        }
        return new GenericComments(Proportion.wilson(count, total), ids, null);
    }

    /** Top-level comments by others on the most recent posts, by post (newest first); posts without any omitted. */
    private RecentComments recentComments(AccountActivity activity) {
        Map<String, Post> posts = new LinkedHashMap<>();
        for (Post p : activity.posts()
                .subList(0, Math.min(settings.podPosts(), activity.posts().size()))) {
            posts.put(p.platformId(), p);
        }
        Map<String, List<Comment>> byPost = new LinkedHashMap<>();
        posts.keySet().forEach(id -> byPost.put(id, new ArrayList<>()));
        for (Comment c : activity.comments()) {
            if (c.parentPlatformId() == null && posts.containsKey(c.postPlatformId()) && !activity.isByCreator(c)) {
                byPost.get(c.postPlatformId()).add(c);
            }
        }
        byPost.values().removeIf(List::isEmpty);
        return new RecentComments(posts, byPost);
    }

    private record RecentComments(Map<String, Post> posts, Map<String, List<Comment>> byPost) {}

    private static double delaySeconds(Post post, Comment c) {
        return Math.max(0, Duration.between(post.publishedAt(), c.createdAt()).toSeconds());
    }

    private static String commenterKey(Comment c) {
        return c.authorPlatformId() != null
                ? c.authorPlatformId()
                : "@" + c.authorHandle().toLowerCase(Locale.ROOT);
    }
}
