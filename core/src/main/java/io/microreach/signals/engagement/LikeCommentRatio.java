package io.microreach.signals.engagement;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * Median likes per comment over the window's posts that have at least one comment and report likes. Posts without
 * comments are left out rather than counted as infinite, so the ratio describes the posts people did talk about.
 *
 * @param median {@code null} when unavailable
 * @param unavailableReason why {@code median} is {@code null}
 */
record LikeCommentRatio(
        Double median, int postsUsed, String unavailableReason, List<String> evidencePostIds, Confidence confidence) {

    public LikeCommentRatio {
        evidencePostIds = List.copyOf(evidencePostIds);
    }

    public boolean available() {
        return median != null;
    }
}
