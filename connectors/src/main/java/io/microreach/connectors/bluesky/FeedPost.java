package io.microreach.connectors.bluesky;

import io.microreach.domain.Post;

/**
 * One item of an author feed: the post, and whether it belongs in the author's own posts. Reposts of others and
 * pinned copies come back with a {@code reason} and are not the author's new posts.
 */
record FeedPost(Post post, boolean ownPost, long replyCount) {}
