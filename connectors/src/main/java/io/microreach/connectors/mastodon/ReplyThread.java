package io.microreach.connectors.mastodon;

import io.microreach.domain.Comment;
import java.util.List;

/**
 * The replies below one status, flattened with their parents. {@code orphans} counts replies whose parent is not in
 * the thread (deleted, or beyond the public API's depth); they are kept, with the missing parent's id. {@code
 * truncated} says the thread reached the 60 descendants the API shows without a login.
 */
record ReplyThread(List<Comment> replies, int orphans, boolean truncated) {
    ReplyThread {
        replies = List.copyOf(replies);
    }
}
