package io.microreach.signals.scorecard;

import io.microreach.signals.Confidence;
import io.microreach.signals.anomalies.LikeCommentRatio;
import io.microreach.signals.anomalies.Spike;
import io.microreach.signals.commercial.Commercialisation;
import io.microreach.signals.community.Cohesion;
import io.microreach.signals.conversation.InteractionInvitation;
import io.microreach.signals.conversation.ReplyRate;
import io.microreach.signals.engagement.EngagementRate;
import io.microreach.signals.engagement.ErDeviation;
import io.microreach.signals.trust.ScoredComponent;
import java.time.Instant;
import java.util.List;

/**
 * One account's scorecard as the API, the CLI and the UI show it. Headline metrics are plain numbers or
 * {@code null}; every {@code null} has its reason in {@link #unavailable}. {@link #details} keeps the full signal
 * results with their evidence ids.
 *
 * @param trustLow the lowest score the account could get once every missing component is measured (see {@code
 *     TrustScore}); {@code null} without a score
 * @param trustHigh the highest such score; {@code null} without a score
 * @param trustCoveredWeight the share of the trust weight whose components had data (0..1)
 * @param missingEvidence the trust components without data, heaviest first, with what would supply each
 * @param engagementWindow which posts the engagement rate was taken over, in words; {@code null} without posts
 */
public record Scorecard(
        String platform,
        String accountId,
        String handle,
        long followers,
        Instant computedAt,
        Double trustScore,
        Double trustLow,
        Double trustHigh,
        Confidence trustConfidence,
        double trustCoveredWeight,
        List<MissingEvidence> missingEvidence,
        String tier,
        Double engagementRate,
        String engagementWindow,
        Double engagementRatePercentile,
        SuspiciousShareView suspiciousShare,
        Double replyRate,
        Double replyDelayHours,
        Double sponsoredShare,
        Double cohesion,
        AnomaliesView anomalies,
        List<ScoredComponent> components,
        List<Unavailable> unavailable,
        Details details) {

    public Scorecard {
        components = List.copyOf(components);
        unavailable = List.copyOf(unavailable);
        missingEvidence = List.copyOf(missingEvidence);
    }

    /**
     * A trust component without data: how much weight it carries, why it is missing and what would supply it.
     *
     * @param component the component's id ({@code real_followers})
     * @param howToGet the data that would supply it and how to bring it in
     */
    public record MissingEvidence(String component, double weight, String reason, String howToGet) {}

    /** The suspicious-follower share: corrected estimate with its 95% interval, on {@code sampleSize} followers. */
    public record SuspiciousShareView(
            double estimate,
            double low,
            double high,
            int sampleSize,
            double flaggedShare,
            Confidence confidence,
            List<String> evidenceFollowerIds) {}

    /**
     * Engagement anomalies: spikes, a like-to-comment ratio far from peers, a suspected comment pod.
     *
     * @param count how many of the three kinds were found (0–3)
     */
    public record AnomaliesView(
            int count,
            List<Spike> followerSpikes,
            LikeCommentRatio likeCommentOutlier,
            PodView commentPod,
            Double genericCommentShare) {

        public AnomaliesView {
            followerSpikes = List.copyOf(followerSpikes);
        }
    }

    /** A suspected comment pod: its members and the posts they swarmed. */
    public record PodView(List<String> memberHandles, List<String> postIds, double medianDelayMinutes) {}

    /** A metric with no value and why. */
    public record Unavailable(String metric, String reason) {}

    /** The full signal results behind the headline numbers. */
    public record Details(
            EngagementRate engagement,
            ErDeviation expectedEngagement,
            ReplyRate replies,
            InteractionInvitation interaction,
            Commercialisation commercial,
            Cohesion cohesion) {}
}
