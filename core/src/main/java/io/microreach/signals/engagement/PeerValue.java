package io.microreach.signals.engagement;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import java.util.Objects;
import java.util.Set;

/**
 * One creator's value of some metric, with what makes its peer groups. Only available values belong in a pool:
 * a creator whose metric is unavailable is left out rather than entered as 0.
 *
 * @param niches the creator's niches (may be empty); the row counts once in its platform × tier group and once in
 *     each niche group
 * @param value a finite number
 */
public record PeerValue(Platform platform, Tier tier, Set<String> niches, double value) {

    public PeerValue {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tier, "tier");
        niches = Set.copyOf(niches == null ? Set.of() : niches);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("peer value must be finite: " + value);
        }
        value += 0.0; // -0.0 and 0.0 are one value for ranking
    }

    /** A row with one niche, or none when {@code niche} is {@code null}. */
    public static PeerValue of(Platform platform, Tier tier, String niche, double value) {
        return new PeerValue(platform, tier, niche == null ? Set.of() : Set.of(niche), value);
    }
}
