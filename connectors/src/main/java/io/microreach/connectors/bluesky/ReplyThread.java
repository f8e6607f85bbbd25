package io.microreach.connectors.bluesky;

import io.microreach.domain.Comment;
import java.util.List;

/**
 * The replies of one post, flattened: every reply that is visible, with its parent. Replies the AppView reports as
 * {@code notFound} (deleted) or {@code blocked} carry no author or text and are only counted.
 */
record ReplyThread(List<Comment> replies, int deleted, int blocked) {
    ReplyThread {
        replies = List.copyOf(replies);
    }
}
