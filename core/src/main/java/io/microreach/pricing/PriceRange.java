package io.microreach.pricing;

import java.util.Objects;

/**
 * A price as a range in one currency.
 *
 * @param estimated true when it comes from the benchmark table, false for a rate card (then low = high)
 * @param source where it comes from ("rate card", or the table row used)
 */
public record PriceRange(double low, double high, String currency, boolean estimated, String source) {
    public PriceRange {
        Objects.requireNonNull(currency, "currency");
        if (!(0 <= low && low <= high)) {
            throw new IllegalArgumentException("need 0 <= low <= high, got " + low + ".." + high);
        }
    }

    /** The midpoint, used as the planning cost. */
    public double mid() {
        return (low + high) / 2;
    }

    public PriceRange plus(PriceRange other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency: cannot add " + currency + " and " + other.currency);
        }
        return new PriceRange(
                low + other.low,
                high + other.high,
                currency,
                estimated || other.estimated,
                source.equals(other.source) ? source : source + "; " + other.source);
    }
}
