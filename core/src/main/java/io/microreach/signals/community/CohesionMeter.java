package io.microreach.signals.community;

import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import io.microreach.signals.SampledFollower;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measures community cohesion: the follow graph among a creator's sampled followers and the repeat commenters on
 * the creator's recent posts.
 *
 * <p><b>Graph metrics.</b> Density, reciprocity and mean local clustering, each next to its Erdős–Rényi expectation
 * (derivations in {@code FollowGraphStatistics}): reciprocity and clustering well above the density say that the
 * followers form a community of mutual acquaintances, not a crowd that happens to follow the same account.
 *
 * <p><b>Score.</b> {@code score = d / (d + h)} with {@code d} the undirected density (share of follower pairs linked
 * by a follow in either direction) and {@code h} = {@link CohesionSettings#halfScoreDensity()} (default 1%: one
 * pair in a hundred connected scores 0.5). Why the density alone: it is the only one of the three that is defined
 * for every sample (reciprocity needs edges, clustering needs nodes with two ties, and both are mostly undefined or
 * 0/1 on the sparse samples of loose audiences); it does not depend on the sample size in a random graph; and on
 * generated audiences (stochastic block model, tight-knit vs loose) adding reciprocity, clustering or the
 * repeat-commenter ratio to it only lowered the rank correlation with the planted cohesion (see
 * docs/signals-community.md). The saturating map keeps the score in [0, 1], monotone (rankings are those of the
 * density) and readable: 0 for no ties, 0.5 at 1%, 0.9 at 9% (dense friendship circles such as Facebook ego
 * networks score 0.75–0.93). The repeat-commenter ratio is reported next to it, not inside it: it measures who
 * returns to comment, a different question, and comment pods inflate it.
 *
 * <p><b>Repeat commenters.</b> Per PRODUCT.md: of the distinct people other than the creator who commented (at any
 * thread level) on the last 10 posts, the share who commented on at least 3 of them, with a Wilson interval.
 * Unavailable with fewer than 10 posts (the definition is about the last 10) or too few commenters. People are told
 * apart by platform id, by handle when the id is unknown.
 */
public final class CohesionMeter {
    private final CohesionSettings settings;

    public CohesionMeter() {
        this(CohesionSettings.defaults());
    }

    CohesionMeter(CohesionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Cohesion of an account's follower sample and its repeat commenters. */
    public Cohesion measure(AccountActivity activity) {
        List<String> nodes = new ArrayList<>(activity.followers().size());
        for (SampledFollower f : activity.followers()) {
            nodes.add(f.followerPlatformId());
        }
        List<Follow> follows = new ArrayList<>(activity.edges().size());
        activity.edges().forEach(e -> follows.add(new Follow(e.sourceId(), e.targetId())));
        return graphCohesion(nodes, follows, repeatCommenters(activity));
    }

    /**
     * Cohesion of any graph (a research data set, a follower sample from elsewhere); the repeat-commenter ratio is
     * reported unavailable.
     *
     * @param nodes the sampled nodes, including those without ties; repeated ids count once
     * @param follows directed ties; ties with an end outside {@code nodes}, self-ties and repeats are ignored
     */
    public Cohesion measureGraph(Collection<String> nodes, Collection<Follow> follows) {
        RepeatCommenters none = new RepeatCommenters(
                null,
                0,
                settings.repeatPosts(),
                List.of(),
                List.of(),
                Confidence.NONE,
                "no comments given: only the follow graph was measured");
        return graphCohesion(nodes, follows, none);
    }

    /** The repeat-commenter ratio on the account's most recent posts. */
    RepeatCommenters repeatCommenters(AccountActivity activity) {
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
        // Posts of the window numbered once, and each commenter's posts as a bit mask: one map lookup per comment
        // instead of a HashSet of post ids per commenter (same distinct-post counts; repeated post ids share a bit).
        Map<String, Integer> window = new HashMap<>(2 * postIds.size());
        for (String id : postIds) {
            window.putIfAbsent(id, window.size());
        }
        int words = (window.size() + 63) >>> 6;
        Map<String, long[]> postsByCommenter = new HashMap<>();
        for (Comment c : activity.comments()) {
            Integer post = window.get(c.postPlatformId());
            if (post != null && !activity.isByCreator(c)) {
                long[] posts = postsByCommenter.computeIfAbsent(commenterKey(c), k -> new long[words]);
                posts[post >>> 6] |= 1L << post;
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
        List<Repeat> repeat = new ArrayList<>();
        for (Map.Entry<String, long[]> e : postsByCommenter.entrySet()) {
            int posts = 0;
            for (long w : e.getValue()) {
                posts += Long.bitCount(w);
            }
            if (posts >= settings.repeatPosts()) {
                repeat.add(new Repeat(e.getKey(), posts));
            }
        }
        repeat.sort(Comparator.comparingInt((Repeat r) -> -r.posts()).thenComparing(Repeat::commenter));
        List<String> evidence = repeat.stream()
                .limit(settings.evidenceLimit())
                .map(Repeat::commenter)
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

    private record Repeat(String commenter, int posts) {}

    private static String commenterKey(Comment c) {
        return c.authorPlatformId() != null
                ? c.authorPlatformId()
                : "@" + c.authorHandle().toLowerCase(Locale.ROOT);
    }

    private Cohesion graphCohesion(
            Collection<String> nodeIds, Collection<Follow> follows, RepeatCommenters repeatCommenters) {
        SampleIndex nodes = SampleIndex.of(nodeIds);
        if (nodes.size() < settings.minimumNodes()) {
            String reason = nodes.size() + " sampled followers; at least " + settings.minimumNodes() + " needed";
            GraphMetric none = GraphMetric.unavailable(reason, 0);
            return new Cohesion(
                    null,
                    none,
                    none,
                    none,
                    null,
                    nodes.size(),
                    0,
                    0,
                    repeatCommenters,
                    List.of(),
                    Confidence.NONE,
                    reason);
        }
        FollowGraphStatistics stats = FollowGraphStatistics.of(nodes, follows, settings.evidenceLimit());
        double d = stats.undirectedDensity;
        return new Cohesion(
                d / (d + settings.halfScoreDensity()),
                stats.densityMetric,
                stats.reciprocityMetric,
                stats.clusteringMetric,
                d,
                stats.nodes,
                stats.edges,
                stats.connectedPairs,
                repeatCommenters,
                stats.mostConnected,
                Confidence.of(stats.nodes, settings.minimumNodes(), settings.highConfidenceNodes()),
                null);
    }
}
