package io.microreach.signals.conversation;

import io.microreach.signals.Confidence;
import java.util.List;

/**
 * How deep the comment threads under the window's posts go: 1 = a top-level comment without replies, 2 = with
 * replies to it, 3 = a reply to a reply (platforms that nest), and so on.
 *
 * @param mean mean depth over all threads (every top-level comment, the creator's included); {@code null} when
 *     unavailable
 * @param threads number of threads
 * @param maxDepth the deepest thread
 * @param orphanReplies replies whose chain of parents leaves the data (deleted or uncollected comments); not counted
 * @param deepestThreadIds ids of the top-level comments of the deepest threads (a sample)
 * @param confidence from the number of threads
 * @param unavailableReason why there is no mean; {@code null} when there is one
 */
record ThreadDepth(
        Double mean,
        int threads,
        int maxDepth,
        int orphanReplies,
        List<String> deepestThreadIds,
        Confidence confidence,
        String unavailableReason) {

    public ThreadDepth {
        deepestThreadIds = List.copyOf(deepestThreadIds);
        if ((mean == null) != (unavailableReason != null)) {
            throw new IllegalArgumentException("either a mean or a reason it is unavailable");
        }
    }

    public boolean available() {
        return mean != null;
    }
}
