package io.microreach.domain;

import java.util.Locale;

/** Size class of an account by follower count. Band edges live in {@link TierBands}. */
public enum Tier {
    NANO,
    MICRO,
    MID,
    MACRO,
    MEGA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
