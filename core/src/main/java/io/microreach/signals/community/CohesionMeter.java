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
 * <p><b>Score: excess over chance, not density.</b> PRODUCT.md compares each statistic with a random graph of the
 * same size and density. The score is built from the two statistics whose comparison carries information:
 *
 * <pre>
 *   clustering part   K = N₂ (C − p_u) / ((N₂ + κ_C)(1 − p_u))     C mean local clustering over the N₂ nodes with
 *                                                                   two or more ties, p_u undirected density
 *   reciprocity part  R = m (r − p) / ((m + κ_R)(1 − p))           r share of the m follow edges that are returned,
 *                                                                   p directed density
 *   repeat part       S = c · s / (c + κ_S)                          s repeat-commenter share of c commenters
 *   score             clamp((w_K K + w_R R + w_S S) / (w_K + w_R + w_S), 0, 1)    w_S = 0 when S is unmeasured
 * </pre>
 *
 * Without the shrinkage (κ = 0), R is the reciprocity coefficient ρ = (r − p)/(1 − p) of Garlaschelli &amp; Loffredo
 * (Phys. Rev. Lett. 93, 268701, 2004) and K the same normalisation of clustering: the excess over the random
 * expectation as a share of the room above it, Cohen's kappa form (Educ. Psychol. Meas. 20, 1960). It is 0 in
 * expectation for a random graph of any size and density (the tests check n = 50 to 1,000), 1 when every wedge is
 * closed or every follow returned, negative below chance.
 *
 * <p>Why not the density, as this score used to be: its random comparison is 1 by construction, and as a level it
 * falls with the size of the community (each member knows a bounded number of others), so the largest real
 * communities ranked lowest and a real follower graph scored below a random graph with the same followers and
 * edges (reciprocated follows join fewer pairs). Why not a log lift log(C / p_u): for the same local structure the
 * lift grows as 1/p_u, i.e. with community size, the same bias reversed; the normalised excess stays bounded and
 * tends to C itself as the density falls. Uniform sampling of the followers keeps density, reciprocity and
 * transitivity in expectation (a sampled wedge is closed as often as one of the full graph), so the parts estimate
 * the full audience's values from a sample of any size; what sample size changes is their noise.
 *
 * <p><b>Sample-size correction.</b> Each part is shrunk toward chance by pseudo-observations at the random
 * expectation (a Beta prior centred on it, additive smoothing): with κ_C = 5 nodes and κ_R = 10 edges, two
 * reciprocated follows move R to 2/12 of the way, fifty to 5/6. This removes the small-sample jackpot (one closed
 * triangle is C = 1) without penalising a large sparse community much: its excess is estimated, not its density.
 * The repeat-commenter part has no random-graph expectation; its neutral value is 0 (no one comes back), which is
 * what commenters drawn independently from a large audience show. Weights 0.5 / 0.3 / 0.2: clustering is what only
 * a community shows, reciprocity what real audiences show most, the repeat share what comment pods can fake. A
 * complete graph (p = 1) has no room above chance and its parts are 0: every graph of that density is that graph.
 *
 * <p><b>Confidence</b> follows both the sampled followers and the follow edges among them: the lower of the node
 * level (low from the minimum, high from {@link CohesionSettings#highConfidenceNodes()}) and the edge level (low
 * below {@link CohesionSettings.Scoring#mediumConfidenceEdges()}, high from {@link
 * CohesionSettings.Scoring#highConfidenceEdges()}); two edges among 150 followers are low confidence.
 *
 * <p><b>Cost.</b> The parts are arithmetic on the three statistics; the statistics themselves cost what they did
 * (bit matrices; clustering is Σ over ties of ⌈n/64⌉ word ANDs, linear in the sampled ties for follower samples of
 * a few hundred). docs/signals-community.md gives the evaluation on real friendship graphs (degree-preserving
 * randomisations after Maslov &amp; Sneppen, Science 296, 2002).
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
        ScoreParts parts = parts(stats.clusteringMetric, stats.reciprocityMetric, repeatCommenters);
        return new Cohesion(
                score(parts),
                parts,
                stats.densityMetric,
                stats.reciprocityMetric,
                stats.clusteringMetric,
                stats.undirectedDensity,
                stats.nodes,
                stats.edges,
                stats.connectedPairs,
                repeatCommenters,
                stats.mostConnected,
                confidence(stats.nodes, stats.edges),
                null);
    }

    /** The parts of the score: excess over chance, shrunk toward 0 (formulas in the class comment). */
    ScoreParts parts(GraphMetric clustering, GraphMetric reciprocity, RepeatCommenters repeat) {
        CohesionSettings.Scoring s = settings.scoring();
        double k = clustering.available()
                ? shrunkExcess(clustering.value(), clustering.expected(), clustering.basis(), s.clusteringPriorNodes())
                : 0;
        double r = reciprocity.available()
                ? shrunkExcess(
                        reciprocity.value(), reciprocity.expected(), reciprocity.basis(), s.reciprocityPriorEdges())
                : 0;
        Double repeatPart = null;
        if (repeat.available()) {
            long commenters = repeat.share().sampleSize();
            repeatPart = commenters * repeat.share().estimate() / (commenters + s.repeatPriorCommenters());
        }
        return new ScoreParts(k, r, repeatPart);
    }

    /** (x − e) / (1 − e) with {@code basis} observations and {@code prior} pseudo-observations at e; 0 when e = 1. */
    private static double shrunkExcess(double observed, double expected, long basis, double prior) {
        if (expected >= 1 || basis == 0) {
            return 0;
        }
        return basis * (observed - expected) / ((basis + prior) * (1 - expected));
    }

    double score(ScoreParts parts) {
        CohesionSettings.Scoring s = settings.scoring();
        double sum = s.clusteringWeight() * parts.clustering() + s.reciprocityWeight() * parts.reciprocity();
        double weights = s.clusteringWeight() + s.reciprocityWeight();
        if (parts.repeatCommenters() != null) {
            sum += s.repeatWeight() * parts.repeatCommenters();
            weights += s.repeatWeight();
        }
        return Math.max(0, Math.min(1, sum / weights));
    }

    /** The lower of the node and the edge confidence; the score is available, so never {@link Confidence#NONE}. */
    Confidence confidence(int nodes, long edges) {
        Confidence byNodes = Confidence.of(nodes, settings.minimumNodes(), settings.highConfidenceNodes());
        CohesionSettings.Scoring s = settings.scoring();
        Confidence byEdges = edges >= s.highConfidenceEdges()
                ? Confidence.HIGH
                : edges >= s.mediumConfidenceEdges() ? Confidence.MEDIUM : Confidence.LOW;
        return byNodes.compareTo(byEdges) <= 0 ? byNodes : byEdges;
    }
}
