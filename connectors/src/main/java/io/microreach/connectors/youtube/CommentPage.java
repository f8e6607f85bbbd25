package io.microreach.connectors.youtube;

import io.microreach.domain.Comment;
import java.util.List;

/**
 * One page of {@code commentThreads.list}, flattened: each top-level comment followed by the replies the thread
 * carries. {@code unreadable} counts comments without an author or a date, which are skipped.
 */
record CommentPage(List<Comment> comments, int unreadable, String nextPageToken) {
    CommentPage {
        comments = List.copyOf(comments);
    }
}
