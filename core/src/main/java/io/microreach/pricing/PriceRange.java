package io.microreach.pricing;

import java.util.Objects;

/**
 * A price as a range in one currency.
 *
 * @param estimated true when it comes from the benchmark table, false for a rate card or negotiated price (then low =
 *     high)
 * @param source its basis as a user reads it ("rate card, valid from …", or the estimate's table row and factor)
 * @param conversion how it was converted into {@code currency}; null when it was not converted
 */
public record PriceRange(
        double low, double high, String currency, boolean estimated, String source, Conversion conversion) {
    public PriceRange {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(source, "source");
        if (!(0 <= low && low <= high)) {
            throw new IllegalArgumentException("need 0 <= low <= high, got " + low + ".." + high);
        }
    }

    public PriceRange(double low, double high, String currency, boolean estimated, String source) {
        this(low, high, currency, estimated, source, null);
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
                source.equals(other.source) ? source : source + "; " + other.source,
                conversion != null ? conversion : other.conversion);
    }
}
