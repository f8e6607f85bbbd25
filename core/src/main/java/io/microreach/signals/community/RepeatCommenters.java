package io.microreach.signals.community;

import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.util.List;

/**
 * The repeat-commenter ratio: of the distinct people other than the creator who commented on the creator's last
 * {@code postsUsed} posts, the share who commented on at least {@code minimumPosts} of them.
 *
 * @param share repeat commenters among distinct commenters with its Wilson 95% interval; {@code null} when
 *     unavailable
 * @param postsUsed the posts looked at (the most recent ones)
 * @param minimumPosts how many of those posts a commenter needs to count as a repeat commenter
 * @param commenterIds the repeat commenters (platform ids, or {@code @handle} when the id is unknown), most posts
 *     first, at most the evidence limit
 * @param postIds the posts looked at, newest first
 * @param unavailableReason {@code null} when available
 */
record RepeatCommenters(
        Proportion share,
        int postsUsed,
        int minimumPosts,
        List<String> commenterIds,
        List<String> postIds,
        Confidence confidence,
        String unavailableReason) {

    public RepeatCommenters {
        commenterIds = List.copyOf(commenterIds);
        postIds = List.copyOf(postIds);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
