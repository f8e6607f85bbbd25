package io.microreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A creator's account on one platform, as last observed. Counts are absolute numbers; {@code null} means the
 * platform or the source did not report the value.
 *
 * @param creatorKey optional key that links accounts of the same person across platforms
 * @param observedAt when the profile was observed; {@code null} when the source does not say
 */
public record Account(
        Platform platform,
        String platformId,
        String handle,
        String displayName,
        String bio,
        String country,
        String language,
        long followers,
        Long following,
        Long postsCount,
        boolean verified,
        boolean business,
        boolean creatorAccount,
        String externalUrl,
        String contactEmail,
        String creatorKey,
        Instant observedAt)
        implements DataRecord {

    public Account {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(handle, "handle");
        Checks.nonNegative(followers, "followers");
        Checks.nonNegative(following, "following");
        Checks.nonNegative(postsCount, "postsCount");
    }

    @Override
    public RecordType type() {
        return RecordType.ACCOUNT;
    }
}
