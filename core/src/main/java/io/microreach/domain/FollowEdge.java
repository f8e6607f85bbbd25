package io.microreach.domain;

import java.util.Objects;

/**
 * A follow relation between two sampled followers of the same account: {@code sourceId} follows {@code targetId}.
 *
 * @param accountPlatformId the account whose follower sample both ends belong to
 */
public record FollowEdge(Platform platform, String accountPlatformId, String sourceId, String targetId)
        implements DataRecord {

    public FollowEdge {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountPlatformId, "accountPlatformId");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(targetId, "targetId");
        if (sourceId.equals(targetId)) {
            throw new IllegalArgumentException("a follow edge needs two different accounts: " + sourceId);
        }
    }

    @Override
    public RecordType type() {
        return RecordType.FOLLOW_EDGE;
    }
}
