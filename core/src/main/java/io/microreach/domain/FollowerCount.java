package io.microreach.domain;

import java.time.LocalDate;
import java.util.Objects;

/** The follower count of an account on one day (UTC): one point of its follower history. */
public record FollowerCount(Platform platform, String accountPlatformId, LocalDate date, long followers)
        implements DataRecord {

    public FollowerCount {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountPlatformId, "accountPlatformId");
        Objects.requireNonNull(date, "date");
        Checks.nonNegative(followers, "followers");
    }

    @Override
    public RecordType type() {
        return RecordType.FOLLOWER_COUNT;
    }
}
