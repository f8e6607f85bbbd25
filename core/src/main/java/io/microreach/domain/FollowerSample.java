package io.microreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One sampled follower of an account, with the public profile fields the suspicious-follower classifier reads.
 *
 * @param accountPlatformId the followed account
 * @param followerPlatformId the follower's own platform id
 */
public record FollowerSample(
        Platform platform,
        String accountPlatformId,
        String followerPlatformId,
        String handle,
        String fullName,
        String bio,
        Long followers,
        Long following,
        Long postsCount,
        Boolean hasProfilePic,
        Boolean privateAccount,
        Boolean verified,
        String externalUrl,
        Instant sampledAt)
        implements DataRecord {

    public FollowerSample {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountPlatformId, "accountPlatformId");
        Objects.requireNonNull(followerPlatformId, "followerPlatformId");
        Objects.requireNonNull(handle, "handle");
        Checks.nonNegative(followers, "followers");
        Checks.nonNegative(following, "following");
        Checks.nonNegative(postsCount, "postsCount");
    }

    @Override
    public RecordType type() {
        return RecordType.FOLLOWER_SAMPLE;
    }
}
