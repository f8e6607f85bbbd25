package io.microreach.signals.anomalies;

import io.microreach.signals.Proportion;
import java.util.List;

/**
 * The engagement anomalies of one account. Each check reports whether it could run and on how much data; an
 * anomaly is a signal to look at the evidence, not a verdict.
 */
record Anomalies(
        SpikeScan followerSpikes,
        LikeCommentRatio likeCommentRatio,
        PodScan commentPods,
        GenericComments genericComments) {

    /** The flagged follower spikes, oldest first. */
    public List<Spike> spikes() {
        return followerSpikes.spikes();
    }

    /** The like-to-comment ratio when it is an outlier among peers, else {@code null}. */
    public LikeCommentRatio likeCommentOutlier() {
        return likeCommentRatio.outlier() ? likeCommentRatio : null;
    }

    /** The suspected comment pod, or {@code null}. */
    public Pod pod() {
        return commentPods.pod();
    }

    /** Share of generic comments, or {@code null} when there were no comments by others. */
    public Proportion genericCommentShare() {
        return genericComments.share();
    }
}
