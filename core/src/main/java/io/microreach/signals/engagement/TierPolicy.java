package io.microreach.signals.engagement;

import io.microreach.domain.Account;
import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.domain.TierBands;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which follower bands make the tiers on each platform. Every platform uses {@link TierBands#DEFAULT} (the
 * PRODUCT.md contract) unless configured otherwise, since TikTok and YouTube audiences are often counted on another
 * scale. Immutable: {@link #withBands} returns a new policy.
 */
public final class TierPolicy {
    private static final TierPolicy DEFAULTS = new TierPolicy(new EnumMap<>(Platform.class));

    private final Map<Platform, TierBands> overrides;

    private TierPolicy(Map<Platform, TierBands> overrides) {
        this.overrides = overrides;
    }

    /** Default bands on every platform. */
    public static TierPolicy defaults() {
        return DEFAULTS;
    }

    /** This policy with {@code bands} on {@code platform}. */
    public TierPolicy withBands(Platform platform, TierBands bands) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(bands, "bands");
        Map<Platform, TierBands> copy = new EnumMap<>(Platform.class);
        copy.putAll(overrides);
        copy.put(platform, bands);
        return new TierPolicy(copy);
    }

    public TierBands bandsFor(Platform platform) {
        Objects.requireNonNull(platform, "platform");
        return overrides.getOrDefault(platform, TierBands.DEFAULT);
    }

    public Tier tierOf(Platform platform, long followers) {
        if (followers < 0) {
            throw new IllegalArgumentException("followers must not be negative: " + followers);
        }
        return bandsFor(platform).tierOf(followers);
    }

    /** The tier of the account's current follower count. */
    public Tier tierOf(Account account) {
        return tierOf(account.platform(), account.followers());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TierPolicy other)) {
            return false;
        }
        for (Platform p : Platform.values()) {
            if (!bandsFor(p).equals(other.bandsFor(p))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Platform p : Platform.values()) {
            h = 31 * h + bandsFor(p).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return "TierPolicy" + overrides + " (default " + TierBands.DEFAULT + ")";
    }
}
