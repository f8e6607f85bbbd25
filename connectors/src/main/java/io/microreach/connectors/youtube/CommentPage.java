package io.microreach.connectors.youtube;

import io.microreach.domain.Comment;
import java.util.List;

/**
 * One page of {@code commentThreads.list}, flattened: each top-level comment followed by the replies the thread
 * carries. {@code unreadable} counts comments without an author or a date, which are skipped. {@code incomplete}
 * lists the top-level comments whose {@code totalReplyCount} is larger than the replies the thread carried: the API
 * sends a subset, and {@code comments.list} with {@code parentId} has the rest.
 */
record CommentPage(List<Comment> comments, int unreadable, List<String> incomplete, String nextPageToken) {
    CommentPage {
        comments = List.copyOf(comments);
        incomplete = List.copyOf(incomplete);
    }
}
