package io.microreach.connectors.bluesky;

/**
 * A Bluesky {@code app.bsky.actor.defs#profileView} or {@code #profileViewDetailed}. Only the detailed view carries
 * the counts; in the plain view (followers, follows, search results) they are {@code null}.
 */
record Profile(
        String did,
        String handle,
        String displayName,
        String description,
        String avatar,
        Long followersCount,
        Long followsCount,
        Long postsCount,
        boolean verified) {}
