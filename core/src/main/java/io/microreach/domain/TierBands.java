package io.microreach.domain;

/**
 * Lower follower bounds of the micro, mid, macro and mega tiers (nano is everything below micro). The defaults are
 * the product's contract (PRODUCT.md): nano &lt; 5k, micro 5k–50k, mid 50k–500k, macro 500k–1M, mega ≥ 1M;
 * platforms may be configured with other bands.
 */
public record TierBands(long micro, long mid, long macro, long mega) {

    public static final TierBands DEFAULT = new TierBands(5_000, 50_000, 500_000, 1_000_000);

    public TierBands {
        if (!(0 < micro && micro < mid && mid < macro && macro < mega)) {
            throw new IllegalArgumentException("tier bounds must be positive and increasing: micro=" + micro + " mid="
                    + mid + " macro=" + macro + " mega=" + mega);
        }
    }

    public Tier tierOf(long followers) {
        if (followers >= mega) {
            return Tier.MEGA;
        }
        if (followers >= macro) {
            return Tier.MACRO;
        }
        if (followers >= mid) {
            return Tier.MID;
        }
        if (followers >= micro) {
            return Tier.MICRO;
        }
        return Tier.NANO;
    }
}
