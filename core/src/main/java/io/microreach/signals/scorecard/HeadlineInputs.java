package io.microreach.signals.scorecard;

import io.microreach.signals.Confidence;
import io.microreach.signals.anomalies.LikeCommentRatio;
import io.microreach.signals.followers.ShareEstimate;
import java.util.List;

/**
 * What an account's headline numbers (trust score, ER percentile, anomaly count and the stored columns) need besides
 * the pool: its peer row, each component's confidence, the suspicious interval, the reply delay and what the anomaly
 * scans found. A few dozen numbers instead of the signals' evidence lists, so a full rescore keeps one per account
 * in memory and assembles every headline against the finished pool without reading the signals back.
 *
 * @param suspicious the suspicious-share estimate with its interval; {@code null} without a usable follower sample
 * @param suspiciousSample followers classified for {@code suspicious}
 * @param replyDelayHours median reply delay; {@code null} when replies are unavailable or too few were answered
 * @param spikesChecked whether the follower-spike scan had enough follower history to run
 * @param podsChecked whether the comment-pod scan had enough commented posts to run
 * @param likeComments the like-to-comment ratio before the peer comparison, without its post ids
 */
public record HeadlineInputs(
        PeerRow peers,
        Confidence engagementConfidence,
        ShareEstimate suspicious,
        int suspiciousSample,
        Confidence suspiciousConfidence,
        Double replyDelayHours,
        Confidence repliesConfidence,
        Confidence cohesionConfidence,
        Confidence invitingConfidence,
        Confidence commercialConfidence,
        boolean spikesFound,
        boolean podFound,
        boolean spikesChecked,
        boolean podsChecked,
        Confidence anomalyConfidence,
        LikeCommentRatio likeComments) {

    public static HeadlineInputs of(AccountSignals s) {
        var sus = s.suspicious();
        var replies = s.replies();
        return new HeadlineInputs(
                PeerRow.of(s),
                s.engagement().confidence(),
                sus.estimate().orElse(null),
                sus.sampleSize(),
                sus.confidence(),
                replies.available() ? replies.medianDelayHours() : null,
                replies.confidence(),
                s.cohesion().confidence(),
                s.interaction().captions().confidence(),
                s.commercial().confidence(),
                !s.spikes().spikes().isEmpty(),
                s.pods().pod() != null,
                s.spikes().available(),
                s.pods().available(),
                ScorecardAssembler.lowest(s.spikes().confidence(), s.pods().confidence()),
                s.likeComments().withPostIds(List.of()));
    }

    /** The same inputs with other niches (niches change without the account's data changing). */
    public HeadlineInputs withNiches(List<String> niches) {
        return new HeadlineInputs(
                peers.withNiches(niches),
                engagementConfidence,
                suspicious,
                suspiciousSample,
                suspiciousConfidence,
                replyDelayHours,
                repliesConfidence,
                cohesionConfidence,
                invitingConfidence,
                commercialConfidence,
                spikesFound,
                podFound,
                spikesChecked,
                podsChecked,
                anomalyConfidence,
                likeComments);
    }
}
