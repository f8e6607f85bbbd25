package io.microreach.signals.scorecard;

import io.microreach.signals.Confidence;
import io.microreach.signals.anomalies.AnomalyDetector;
import io.microreach.signals.anomalies.LikeCommentRatio;
import io.microreach.signals.anomalies.Pod;
import io.microreach.signals.anomalies.PodMember;
import io.microreach.signals.engagement.ErDeviation;
import io.microreach.signals.engagement.Percentile;
import io.microreach.signals.followers.ShareEstimate;
import io.microreach.signals.trust.ComponentInput;
import io.microreach.signals.trust.ScoredComponent;
import io.microreach.signals.trust.TrustComponent;
import io.microreach.signals.trust.TrustScore;
import io.microreach.signals.trust.TrustWeights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an account's signals and the pool's statistics into its scorecard and trust score.
 *
 * <p>Each component's goodness (0..1) is chosen so that a marketer can predict it:
 * <ul>
 *   <li>engagement: the ER's percentile among peers (same platform and tier) / 100 — size must not decide, and
 *       vendors disagree on absolute ER benchmarks, so the pool is the yardstick;
 *   <li>real followers: 1 − suspicious share / 0.5 (half the audience fake scores 0) — an absolute scale, because
 *       a fake follower wastes budget whatever the peers do;
 *   <li>replies: reply rate / 0.5 (answering half of the fans within 7 days earns full marks);
 *   <li>community: the cohesion score itself (already 0..1, see docs/signals-community.md);
 *   <li>inviting content: inviting-caption share / 0.5;
 *   <li>authenticity: 1 − sponsored share / 0.5 (half of the posts sponsored scores 0);
 *   <li>no anomalies: three checks with shares 0.5 (follower spikes), 0.3 (a comment pod) and 0.2 (a like-to-comment
 *       ratio far from peers); the goodness is the share of the checks that ran which found nothing, and only the
 *       checks that ran earn points: the component's coverage is the sum of their shares (see {@code TrustScore}),
 *       so a clean spike scan earns half of the component's weight and says nothing about pods. With no check run
 *       the component is missing ("not checked").
 * </ul>
 * Percentiles are reported for every component where the peer group is large enough, whatever the goodness basis.
 */
public final class ScorecardAssembler {
    private final TrustWeights weights;
    private final AnomalyDetector anomalies;

    public ScorecardAssembler(TrustWeights weights, AnomalyDetector anomalies) {
        this.weights = weights;
        this.anomalies = anomalies;
    }

    /**
     * The headline numbers of an account against the pool: the same trust score and ER percentile as {@link
     * #assemble} gives (one definition: both go through {@link #draft}), without basis texts, evidence or the
     * percentiles of other components, which do not move the score.
     */
    public Headline headline(HeadlineInputs h, PoolStatistics pool) {
        Draft d = draft(h, pool, null, null);
        TrustScore trust = TrustScore.combine(d.inputs(), weights);
        return new Headline(trust.score(), d.erPercentile(), d.anomalyCount());
    }

    public Scorecard assemble(AccountSignals s, PoolStatistics pool, Instant computedAt) {
        HeadlineInputs h = HeadlineInputs.of(s);
        List<Scorecard.Unavailable> unavailable = new ArrayList<>();
        Draft d = draft(h, pool, s, unavailable);
        PeerRow peers = h.peers();

        Scorecard.SuspiciousShareView susView = null;
        var sus = s.suspicious();
        if (h.suspicious() != null) {
            ShareEstimate e = h.suspicious();
            double flagged = sus.flagged().map(p -> p.estimate()).orElse(e.share());
            susView = new Scorecard.SuspiciousShareView(
                    e.share(), e.low(), e.high(), sus.sampleSize(), flagged, sus.confidence(), sus.evidenceIds());
        }
        var spikes = s.spikes().spikes();
        Pod pod = s.pods().pod();
        Scorecard.AnomaliesView anomaliesView = new Scorecard.AnomaliesView(
                d.anomalyCount(),
                spikes,
                d.ratio().outlier() ? d.ratio().withPostIds(s.likeComments().postIds()) : null,
                pod == null ? null : podView(pod),
                s.genericComments().share() == null
                        ? null
                        : s.genericComments().share().estimate());
        ErDeviation deviation = peers.engagementRate() == null
                ? null
                : pool.expected().deviation(peers.platform(), peers.followers(), peers.engagementRate());

        TrustScore trust = TrustScore.combine(d.inputs(), weights);
        List<ScoredComponent> components = new ArrayList<>();
        for (ScoredComponent c : trust.components()) {
            if (c.value() == null || c.component() == TrustComponent.NO_ANOMALIES) {
                String reason = c.value() == null ? "no value" : "no peer comparison for this component";
                components.add(c.withNiche(null, PoolStatistics.group(peers).toString(), reason));
                continue;
            }
            Percentile niche = pool.nichePercentile(c.component(), peers, c.value());
            components.add(c.withNiche(niche.percentile(), niche.group().toString(), niche.unavailableReason()));
        }
        if (trust.score() == null) {
            unavailable.add(new Scorecard.Unavailable("trustScore", trust.unavailableReason()));
        }
        List<Scorecard.MissingEvidence> missing = new ArrayList<>(trust.missing().stream()
                .map(c -> new Scorecard.MissingEvidence(
                        c.component().id(), c.weight(), c.unavailableReason(), howToGet(c.component())))
                .toList());
        // A partly checked component: the unchecked part of its weight is missing evidence too.
        for (ScoredComponent c : trust.components()) {
            if (c.unavailableReason() == null && c.coverage() < 1) {
                missing.add(new Scorecard.MissingEvidence(
                        c.component().id(),
                        c.weight() * (1 - c.coverage()),
                        c.basis() == null || !c.basis().contains("checked:")
                                ? "partly checked"
                                : "partly " + c.basis().substring(c.basis().indexOf("checked:")),
                        howToGet(c.component())));
            }
        }
        missing.sort(java.util.Comparator.comparingDouble(Scorecard.MissingEvidence::weight)
                .reversed());
        return new Scorecard(
                s.platform().id(),
                s.accountId(),
                s.handle(),
                s.followers(),
                computedAt,
                trust.score(),
                trust.low(),
                trust.high(),
                trust.confidence(),
                trust.coveredWeight(),
                missing,
                s.tier().id(),
                peers.engagementRate(),
                s.engagement().windowDescription(),
                d.erPercentile(),
                susView,
                peers.replyRate(),
                h.replyDelayHours(),
                peers.sponsoredShare(),
                peers.cohesion(),
                anomaliesView,
                components,
                unavailable,
                new Scorecard.Details(
                        s.engagement(), deviation, s.replies(), s.interaction(), s.commercial(), s.cohesion()));
    }

    /** The trust score's inputs, the ER percentile and the anomalies found. */
    private record Draft(List<ComponentInput> inputs, Double erPercentile, LikeCommentRatio ratio, int anomalyCount) {}

    /**
     * Every component's value, goodness and confidence from the headline inputs and the pool: the one place the
     * goodness formulas live. With the signals ({@code s} not {@code null}) each component also gets its basis in
     * words, its evidence ids and its peer percentile, and {@code unavailable} collects the headline metrics without
     * a value and why; without them ({@link #headline}) only what the trust score reads is filled in.
     */
    private Draft draft(
            HeadlineInputs h, PoolStatistics pool, AccountSignals s, List<Scorecard.Unavailable> unavailable) {
        boolean full = s != null;
        PeerRow peers = h.peers();
        List<ComponentInput> inputs = new ArrayList<>();

        // Engagement: the only component whose goodness is its percentile.
        Double erPercentile = null;
        if (peers.engagementRate() != null) {
            double er = peers.engagementRate();
            Percentile pct = pool.engagementPercentile(peers, er);
            erPercentile = pct.percentile();
            if (pct.available()) {
                inputs.add(new ComponentInput(
                        TrustComponent.ENGAGEMENT,
                        er,
                        pct.percentile() / 100,
                        pct.percentile(),
                        full
                                ? "percentile of the median ER among " + pct.peers() + " peers (" + pct.group()
                                        + "), over " + s.engagement().windowDescription()
                                : null,
                        h.engagementConfidence(),
                        full ? s.engagement().evidencePostIds() : List.of(),
                        null));
            } else {
                inputs.add(ComponentInput.unavailable(TrustComponent.ENGAGEMENT, pct.unavailableReason()));
            }
        } else {
            String reason = full ? s.engagement().unavailableReason() : HEADLINE_ONLY;
            if (full) {
                unavailable.add(new Scorecard.Unavailable("engagementRate", reason));
            }
            inputs.add(ComponentInput.unavailable(TrustComponent.ENGAGEMENT, reason));
        }

        // Real followers
        if (h.suspicious() != null) {
            ShareEstimate e = h.suspicious();
            inputs.add(new ComponentInput(
                    TrustComponent.REAL_FOLLOWERS,
                    1 - e.share(),
                    clamp(1 - e.share() / 0.5),
                    full ? pool.realFollowersPercentile(peers, 1 - e.share()).percentile() : null,
                    full
                            ? "1 - suspicious share / 0.5 (suspicious share " + percent(e.share()) + " of "
                                    + h.suspiciousSample() + " sampled followers)"
                            : null,
                    h.suspiciousConfidence(),
                    full ? s.suspicious().evidenceIds() : List.of(),
                    null));
        } else {
            String reason = full ? s.suspicious().unavailableReason().orElse("no follower sample") : HEADLINE_ONLY;
            if (full) {
                unavailable.add(new Scorecard.Unavailable("suspiciousShare", reason));
            }
            inputs.add(ComponentInput.unavailable(TrustComponent.REAL_FOLLOWERS, reason));
        }

        // Replies
        if (peers.replyRate() != null) {
            double rate = peers.replyRate();
            List<String> evidence = List.of();
            String basis = null;
            if (full) {
                var replies = s.replies();
                if (h.replyDelayHours() == null) {
                    unavailable.add(
                            new Scorecard.Unavailable("replyDelayHours", "too few answered comments for a median"));
                }
                evidence = new ArrayList<>(replies.answeredCommentIds());
                evidence.addAll(replies.unansweredCommentIds());
                basis = "reply rate / 0.5 (" + replies.rate().successes() + " of "
                        + replies.rate().sampleSize() + " fan comments answered within 7 days)";
            }
            inputs.add(new ComponentInput(
                    TrustComponent.REPLIES,
                    rate,
                    clamp(rate / 0.5),
                    full ? pool.repliesPercentile(peers, rate).percentile() : null,
                    basis,
                    h.repliesConfidence(),
                    evidence,
                    null));
        } else {
            String reason = full ? s.replies().unavailableReason() : HEADLINE_ONLY;
            if (full) {
                unavailable.add(new Scorecard.Unavailable("replyRate", reason));
                unavailable.add(new Scorecard.Unavailable("replyDelayHours", reason));
            }
            inputs.add(ComponentInput.unavailable(TrustComponent.REPLIES, reason));
        }

        // Community
        if (peers.cohesion() != null) {
            double cohesion = peers.cohesion();
            inputs.add(new ComponentInput(
                    TrustComponent.COMMUNITY,
                    cohesion,
                    clamp(cohesion),
                    full ? pool.cohesionPercentile(peers, cohesion).percentile() : null,
                    full
                            ? "cohesion score of " + s.cohesion().sampleSize() + " sampled followers and "
                                    + s.cohesion().edges() + " follow edges among them"
                            : null,
                    h.cohesionConfidence(),
                    full ? s.cohesion().evidenceFollowerIds() : List.of(),
                    null));
        } else {
            String reason = !full
                    ? HEADLINE_ONLY
                    : s.cohesion().unavailableReason() == null
                            ? "no cohesion score"
                            : s.cohesion().unavailableReason();
            if (full) {
                unavailable.add(new Scorecard.Unavailable("cohesion", reason));
            }
            inputs.add(ComponentInput.unavailable(TrustComponent.COMMUNITY, reason));
        }

        // Inviting content
        if (peers.invitingShare() != null) {
            double share = peers.invitingShare();
            var captions = full ? s.interaction().captions() : null;
            inputs.add(new ComponentInput(
                    TrustComponent.INVITING_CONTENT,
                    share,
                    clamp(share / 0.5),
                    full ? pool.invitingPercentile(peers, share).percentile() : null,
                    full
                            ? "inviting-caption share / 0.5 ("
                                    + captions.share().successes() + " of "
                                    + captions.share().sampleSize() + " captions ask, invite comments or teach)"
                            : null,
                    h.invitingConfidence(),
                    full ? captions.invitingPostIds() : List.of(),
                    null));
        } else {
            inputs.add(ComponentInput.unavailable(
                    TrustComponent.INVITING_CONTENT,
                    full ? s.interaction().captions().unavailableReason() : HEADLINE_ONLY));
        }

        // Authenticity (commercialisation)
        if (peers.sponsoredShare() != null) {
            double sponsored = peers.sponsoredShare();
            var commercial = full ? s.commercial() : null;
            // The value is the unsponsored share so that, like every other component, higher reads as better.
            inputs.add(new ComponentInput(
                    TrustComponent.AUTHENTICITY,
                    1 - sponsored,
                    clamp(1 - sponsored / 0.5),
                    full ? pool.commercialPercentile(peers, 1 - sponsored).percentile() : null,
                    full
                            ? "1 - sponsored share / 0.5 ("
                                    + commercial.sponsoredShare().successes() + " of " + commercial.posts()
                                    + " recent posts sponsored)"
                            : null,
                    h.commercialConfidence(),
                    full ? commercial.sponsoredPostIds() : List.of(),
                    null));
        } else {
            String reason = full ? s.commercial().unavailableReason() : HEADLINE_ONLY;
            if (full) {
                unavailable.add(new Scorecard.Unavailable("sponsoredShare", reason));
            }
            inputs.add(ComponentInput.unavailable(TrustComponent.AUTHENTICITY, reason));
        }

        // Anomalies: each check earns its share of the component only when it ran.
        LikeCommentRatio ratio = anomalies.compareWithPeers(h.likeComments(), pool.likeComments(peers));
        // The kinds of anomaly found (spikes, pod, ratio): the count the component and the stored column report.
        int count = (h.spikesFound() ? 1 : 0) + (h.podFound() ? 1 : 0) + (ratio.outlier() ? 1 : 0);
        boolean ratioChecked = ratio.robustZ() != null;
        double coverage = (h.spikesChecked() ? SPIKE_SHARE : 0)
                + (h.podsChecked() ? POD_SHARE : 0)
                + (ratioChecked ? RATIO_SHARE : 0);
        if (coverage > 0) {
            double clean = (h.spikesChecked() && !h.spikesFound() ? SPIKE_SHARE : 0)
                    + (h.podsChecked() && !h.podFound() ? POD_SHARE : 0)
                    + (ratioChecked && !ratio.outlier() ? RATIO_SHARE : 0);
            List<String> evidence = new ArrayList<>();
            if (full) {
                s.spikes().spikes().forEach(sp -> evidence.add(sp.date().toString()));
                if (h.podFound()) {
                    evidence.addAll(s.pods().pod().postIds());
                }
                if (ratio.outlier()) {
                    evidence.addAll(s.likeComments().postIds());
                }
            }
            inputs.add(new ComponentInput(
                    TrustComponent.NO_ANOMALIES,
                    (double) count,
                    clamp(clean / coverage),
                    null,
                    full ? anomalyBasis(h, ratio, count) : null,
                    h.anomalyConfidence() == Confidence.NONE ? Confidence.LOW : h.anomalyConfidence(),
                    evidence,
                    null,
                    Math.min(1, coverage)));
        } else {
            inputs.add(ComponentInput.unavailable(
                    TrustComponent.NO_ANOMALIES,
                    "not checked: no follower history, too few commented posts and no like-to-comment peer"
                            + " comparison"));
        }
        return new Draft(inputs, erPercentile, ratio, count);
    }

    /**
     * What would supply a component, and how to bring it in: the import records (docs/import-format.md) and the
     * least amount each signal needs. Platform connectors are not built yet, so the import is the one way.
     */
    static String howToGet(TrustComponent component) {
        return switch (component) {
            case ENGAGEMENT ->
                "at least 5 posts with like or comment counts (import post records with likes and"
                        + " comments), and at least 10 accounts of the same platform and tier with an engagement rate to"
                        + " compare with (import more accounts)";
            case REAL_FOLLOWERS ->
                "a sample of at least 30 followers' public profiles (import follower_sample"
                        + " records: followers, following, posts count, profile picture, bio), e.g. from an export of"
                        + " the follower list";
            case REPLIES ->
                "comments by others on the recent posts, with the creator's own replies (import comment"
                        + " records with parent_id), at least 5 of them settled";
            case COMMUNITY ->
                "a follower sample of at least 30 followers and the follow edges among them (import"
                        + " follower_sample and follow_edge records)";
            case INVITING_CONTENT -> "the captions of at least 5 recent posts (import post records with caption)";
            case AUTHENTICITY ->
                "the captions or paid-partnership flags of at least 5 recent posts (import post"
                        + " records with caption or paid_partnership)";
            case NO_ANOMALIES ->
                "at least 14 days of daily follower counts for the spike check (import follower_count records),"
                        + " comments by others with their authors and times on at least 5 of the 10 most recent posts"
                        + " for the pod check (import comment records), and like and comment counts on at least 5"
                        + " posts with 20 peers of the same platform and tier for the like-to-comment check";
        };
    }

    /** Shares of the anomaly component decided by each check; they add up to 1. */
    static final double SPIKE_SHARE = 0.5;

    static final double POD_SHARE = 0.3;
    static final double RATIO_SHARE = 0.2;

    /** Which anomaly checks ran and what each found, in words, e.g. "checked: follower spikes (none) …". */
    private static String anomalyBasis(HeadlineInputs h, LikeCommentRatio ratio, int count) {
        List<String> checked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        (h.spikesChecked() ? checked : notChecked)
                .add("follower spikes" + (h.spikesChecked() ? (h.spikesFound() ? " (found)" : " (none)") : ""));
        (h.podsChecked() ? checked : notChecked)
                .add("comment pods" + (h.podsChecked() ? (h.podFound() ? " (found)" : " (none)") : ""));
        boolean ratioChecked = ratio.robustZ() != null;
        (ratioChecked ? checked : notChecked)
                .add("like-to-comment ratio"
                        + (ratioChecked ? (ratio.outlier() ? " (far from peers)" : " (normal)") : ""));
        String text = "share of the checks that ran which found nothing (spikes 0.5, pods 0.3, like-to-comment ratio"
                + " 0.2); checked: " + String.join(", ", checked);
        if (!notChecked.isEmpty()) {
            text += "; not checked, so not counted: " + String.join(", ", notChecked);
        }
        return text + " (" + count + " kind" + (count == 1 ? "" : "s") + " found)";
    }

    /** The reason an unavailable component gets in {@link #headline}, which reports no reasons. */
    private static final String HEADLINE_ONLY = "unavailable";

    private static Scorecard.PodView podView(Pod pod) {
        return new Scorecard.PodView(
                pod.members().stream().map(PodMember::handle).toList(),
                pod.postIds(),
                pod.medianDelay().toSeconds() / 60.0);
    }

    static Confidence lowest(Confidence a, Confidence b) {
        if (a == Confidence.NONE) {
            return b;
        }
        if (b == Confidence.NONE) {
            return a;
        }
        return a.ordinal() < b.ordinal() ? a : b;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
