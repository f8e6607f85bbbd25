package io.microreach.signals.anomalies;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * The account's likes per comment over its recent posts, and how far it lies from its peers.
 *
 * @param ratio total likes / total comments over the posts used; {@code null} when unavailable
 * @param likes total likes over the posts used
 * @param comments total comments over the posts used
 * @param posts posts used (those reporting both counts)
 * @param robustZ (ln ratio − peer median) / (1.4826 · peer MAD); {@code null} without a usable peer group
 * @param direction which way an outlier deviates; {@code null} when not an outlier
 * @param peerGroup the peer group's label; {@code null} when none was given
 * @param postIds the posts used, newest first, at most the evidence limit
 * @param unavailableReason why the ratio or its comparison could not be made; {@code null} when both were
 */
public record LikeCommentRatio(
        Double ratio,
        long likes,
        long comments,
        int posts,
        Double robustZ,
        Direction direction,
        String peerGroup,
        List<String> postIds,
        Confidence confidence,
        String unavailableReason) {

    /** Which way the ratio is off. */
    public enum Direction {
        /** Far more likes per comment than peers: bought likes, or comments switched off or hidden. */
        MORE_LIKES_PER_COMMENT,
        /** Far fewer likes per comment than peers: bought or pod comments, giveaway comment campaigns. */
        FEWER_LIKES_PER_COMMENT
    }

    public LikeCommentRatio {
        postIds = List.copyOf(postIds);
    }

    public boolean outlier() {
        return direction != null;
    }

    /** The same ratio with other evidence post ids. */
    public LikeCommentRatio withPostIds(List<String> value) {
        return new LikeCommentRatio(
                ratio, likes, comments, posts, robustZ, direction, peerGroup, value, confidence, unavailableReason);
    }
}
