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
 *   <li>no anomalies: 1, minus 0.5 for follower spikes, 0.3 for a comment pod, 0.2 for a like-to-comment ratio far
 *       from peers.
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

    public Scorecard assemble(AccountSignals s, PoolStatistics pool, Instant computedAt) {
        List<ComponentInput> inputs = new ArrayList<>();
        List<Scorecard.Unavailable> unavailable = new ArrayList<>();

        // Engagement
        var er = s.engagement();
        Double erValue = null;
        Double erPercentile = null;
        ErDeviation deviation = null;
        if (er.available()) {
            erValue = er.median();
            Percentile pct = pool.engagementPercentile(s, er.median());
            erPercentile = pct.percentile();
            deviation = pool.expected().deviation(s.platform(), s.followers(), er.median());
            if (pct.available()) {
                inputs.add(new ComponentInput(
                        TrustComponent.ENGAGEMENT,
                        er.median(),
                        pct.percentile() / 100,
                        pct.percentile(),
                        "percentile of the median ER among " + pct.peers() + " peers (" + pct.group() + ")",
                        er.confidence(),
                        er.evidencePostIds(),
                        null));
            } else {
                inputs.add(ComponentInput.unavailable(TrustComponent.ENGAGEMENT, pct.unavailableReason()));
            }
        } else {
            unavailable.add(new Scorecard.Unavailable("engagementRate", er.unavailableReason()));
            inputs.add(ComponentInput.unavailable(TrustComponent.ENGAGEMENT, er.unavailableReason()));
        }

        // Real followers
        var sus = s.suspicious();
        Scorecard.SuspiciousShareView susView = null;
        if (sus.isAvailable()) {
            ShareEstimate e = sus.estimate().orElseThrow();
            double flagged = sus.flagged().map(p -> p.estimate()).orElse(e.share());
            susView = new Scorecard.SuspiciousShareView(
                    e.share(), e.low(), e.high(), sus.sampleSize(), flagged, sus.confidence(), sus.evidenceIds());
            Percentile pct = pool.realFollowersPercentile(s, 1 - e.share());
            inputs.add(new ComponentInput(
                    TrustComponent.REAL_FOLLOWERS,
                    1 - e.share(),
                    clamp(1 - e.share() / 0.5),
                    pct.percentile(),
                    "1 - suspicious share / 0.5 (suspicious share " + percent(e.share()) + " of " + sus.sampleSize()
                            + " sampled followers)",
                    sus.confidence(),
                    sus.evidenceIds(),
                    null));
        } else {
            String reason = sus.unavailableReason().orElse("no follower sample");
            unavailable.add(new Scorecard.Unavailable("suspiciousShare", reason));
            inputs.add(ComponentInput.unavailable(TrustComponent.REAL_FOLLOWERS, reason));
        }

        // Replies
        var replies = s.replies();
        Double replyRate = null;
        Double replyDelay = null;
        if (replies.available()) {
            replyRate = replies.rate().estimate();
            replyDelay = replies.medianDelayHours();
            if (replyDelay == null) {
                unavailable.add(new Scorecard.Unavailable("replyDelayHours", "too few answered comments for a median"));
            }
            List<String> evidence = new ArrayList<>(replies.answeredCommentIds());
            evidence.addAll(replies.unansweredCommentIds());
            inputs.add(new ComponentInput(
                    TrustComponent.REPLIES,
                    replyRate,
                    clamp(replyRate / 0.5),
                    pool.repliesPercentile(s, replyRate).percentile(),
                    "reply rate / 0.5 (" + replies.rate().successes() + " of "
                            + replies.rate().sampleSize() + " fan comments answered within 7 days)",
                    replies.confidence(),
                    evidence,
                    null));
        } else {
            unavailable.add(new Scorecard.Unavailable("replyRate", replies.unavailableReason()));
            unavailable.add(new Scorecard.Unavailable("replyDelayHours", replies.unavailableReason()));
            inputs.add(ComponentInput.unavailable(TrustComponent.REPLIES, replies.unavailableReason()));
        }

        // Community
        var cohesion = s.cohesion();
        Double cohesionValue = null;
        if (cohesion.available() && cohesion.score() != null) {
            cohesionValue = cohesion.score();
            inputs.add(new ComponentInput(
                    TrustComponent.COMMUNITY,
                    cohesionValue,
                    clamp(cohesionValue),
                    pool.cohesionPercentile(s, cohesionValue).percentile(),
                    "cohesion score of " + cohesion.sampleSize() + " sampled followers and " + cohesion.edges()
                            + " follow edges among them",
                    cohesion.confidence(),
                    cohesion.evidenceFollowerIds(),
                    null));
        } else {
            String reason = cohesion.unavailableReason() == null ? "no cohesion score" : cohesion.unavailableReason();
            unavailable.add(new Scorecard.Unavailable("cohesion", reason));
            inputs.add(ComponentInput.unavailable(TrustComponent.COMMUNITY, reason));
        }

        // Inviting content
        var captions = s.interaction().captions();
        if (captions.available()) {
            double share = captions.share().estimate();
            inputs.add(new ComponentInput(
                    TrustComponent.INVITING_CONTENT,
                    share,
                    clamp(share / 0.5),
                    pool.invitingPercentile(s, share).percentile(),
                    "inviting-caption share / 0.5 (" + captions.share().successes() + " of "
                            + captions.share().sampleSize() + " captions ask, invite comments or teach)",
                    captions.confidence(),
                    captions.invitingPostIds(),
                    null));
        } else {
            inputs.add(ComponentInput.unavailable(TrustComponent.INVITING_CONTENT, captions.unavailableReason()));
        }

        // Authenticity (commercialisation)
        var commercial = s.commercial();
        Double sponsored = null;
        if (commercial.available()) {
            sponsored = commercial.sponsoredShare().estimate();
            // The value is the unsponsored share so that, like every other component, higher reads as better.
            inputs.add(new ComponentInput(
                    TrustComponent.AUTHENTICITY,
                    1 - sponsored,
                    clamp(1 - sponsored / 0.5),
                    pool.commercialPercentile(s, 1 - sponsored).percentile(),
                    "1 - sponsored share / 0.5 (" + commercial.sponsoredShare().successes() + " of "
                            + commercial.posts() + " recent posts sponsored)",
                    commercial.confidence(),
                    commercial.sponsoredPostIds(),
                    null));
        } else {
            unavailable.add(new Scorecard.Unavailable("sponsoredShare", commercial.unavailableReason()));
            inputs.add(ComponentInput.unavailable(TrustComponent.AUTHENTICITY, commercial.unavailableReason()));
        }

        // Anomalies
        LikeCommentRatio ratio = anomalies.compareWithPeers(s.likeComments(), pool.likeComments(s));
        Pod pod = s.pods().pod();
        var spikes = s.spikes().spikes();
        // The kinds of anomaly found (spikes, pod, ratio): the count the component and the stored column report.
        int count = (spikes.isEmpty() ? 0 : 1) + (pod == null ? 0 : 1) + (ratio.outlier() ? 1 : 0);
        Scorecard.AnomaliesView anomaliesView = new Scorecard.AnomaliesView(
                count,
                spikes,
                ratio.outlier() ? ratio : null,
                pod == null ? null : podView(pod),
                s.genericComments().share() == null
                        ? null
                        : s.genericComments().share().estimate());
        Confidence anomalyConfidence = lowest(s.spikes().confidence(), s.pods().confidence());
        if (s.spikes().available() || s.pods().available()) {
            double goodness = 1 - (spikes.isEmpty() ? 0 : 0.5) - (pod == null ? 0 : 0.3) - (ratio.outlier() ? 0.2 : 0);
            List<String> evidence = new ArrayList<>();
            spikes.forEach(sp -> evidence.add(sp.date().toString()));
            if (pod != null) {
                evidence.addAll(pod.postIds());
            }
            if (ratio.outlier()) {
                evidence.addAll(ratio.postIds());
            }
            inputs.add(new ComponentInput(
                    TrustComponent.NO_ANOMALIES,
                    (double) count,
                    clamp(goodness),
                    null,
                    "1 - 0.5 for follower spikes - 0.3 for a pod - 0.2 for an odd like-to-comment ratio (" + count
                            + " kind" + (count == 1 ? "" : "s") + " found)",
                    anomalyConfidence == Confidence.NONE ? Confidence.LOW : anomalyConfidence,
                    evidence,
                    null));
        } else {
            inputs.add(ComponentInput.unavailable(
                    TrustComponent.NO_ANOMALIES, "no follower history and too few commented posts to check"));
        }

        TrustScore trust = TrustScore.combine(inputs, weights);
        List<ScoredComponent> components = new ArrayList<>();
        for (ScoredComponent c : trust.components()) {
            if (c.value() == null || c.component() == TrustComponent.NO_ANOMALIES) {
                String reason = c.value() == null ? "no value" : "no peer comparison for this component";
                components.add(c.withNiche(null, PoolStatistics.group(s).toString(), reason));
                continue;
            }
            Percentile niche = pool.nichePercentile(c.component(), s, c.value());
            components.add(c.withNiche(niche.percentile(), niche.group().toString(), niche.unavailableReason()));
        }
        if (trust.score() == null) {
            unavailable.add(new Scorecard.Unavailable("trustScore", trust.unavailableReason()));
        }
        return new Scorecard(
                s.platform().id(),
                s.accountId(),
                s.handle(),
                s.followers(),
                computedAt,
                trust.score(),
                trust.confidence(),
                s.tier().id(),
                erValue,
                erPercentile,
                susView,
                replyRate,
                replyDelay,
                sponsored,
                cohesionValue,
                anomaliesView,
                components,
                unavailable,
                new Scorecard.Details(er, deviation, replies, s.interaction(), commercial, cohesion));
    }

    private static Scorecard.PodView podView(Pod pod) {
        return new Scorecard.PodView(
                pod.members().stream().map(PodMember::handle).toList(),
                pod.postIds(),
                pod.medianDelay().toSeconds() / 60.0);
    }

    private static Confidence lowest(Confidence a, Confidence b) {
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
