package io.microreach.signals.engagement;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import java.util.Objects;

/**
 * Who a creator is compared with: the same platform and tier, and, when {@code niche} is set, the same niche.
 *
 * @param niche {@code null} for all niches
 */
public record PeerGroup(Platform platform, Tier tier, String niche) {

    public PeerGroup {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tier, "tier");
    }

    public static PeerGroup of(Platform platform, Tier tier) {
        return new PeerGroup(platform, tier, null);
    }

    public PeerGroup withoutNiche() {
        return niche == null ? this : of(platform, tier);
    }

    @Override
    public String toString() {
        return platform.id() + "/" + tier.id() + (niche == null ? "" : "/" + niche);
    }
}
