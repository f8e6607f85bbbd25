package io.microreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment on a post; a reply when {@code parentPlatformId} names another comment.
 *
 * @param authorPlatformId the commenter's platform id when known; the handle is always present
 */
public record Comment(
        Platform platform,
        String platformId,
        String postPlatformId,
        String authorPlatformId,
        String authorHandle,
        String text,
        Instant createdAt,
        String parentPlatformId,
        Long likes)
        implements DataRecord {

    public Comment {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(postPlatformId, "postPlatformId");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Checks.nonNegative(likes, "likes");
    }

    @Override
    public RecordType type() {
        return RecordType.COMMENT;
    }
}
