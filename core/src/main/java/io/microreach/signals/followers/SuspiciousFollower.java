package io.microreach.signals.followers;

import java.util.Objects;

/**
 * A sampled follower the classifier flagged: evidence behind a {@link SuspiciousShare}.
 *
 * @param followerPlatformId the follower's platform id (as in the import files)
 * @param handle the follower's handle, for display
 * @param probability the model's probability that the account is suspicious
 */
record SuspiciousFollower(String followerPlatformId, String handle, double probability) {
    public SuspiciousFollower {
        Objects.requireNonNull(followerPlatformId, "followerPlatformId");
        Objects.requireNonNull(handle, "handle");
    }
}
