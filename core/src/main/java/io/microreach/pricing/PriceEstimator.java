package io.microreach.pricing;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import io.microreach.domain.TierBands;
import java.util.Objects;
import java.util.Optional;

/**
 * Price of one deliverable: the rate card when known, else an estimate from the {@link PriceTable}.
 *
 * <p>The estimate places the account within its tier's range by followers on a log scale (an account at the bottom of
 * the micro band gets the low end, one at the top the high end: the "$100 per 10k followers" rule of thumb is roughly
 * linear, a log placement keeps the band edges continuous), then widens it to a range of −30%/+40% around that point
 * (quotes vary that much between creators of one size) and multiplies by the engagement factor
 * (ER / peer median ER)^elasticity, clamped to [minFactor, maxFactor]: better engagement costs more, but less than
 * proportionally. With no ER or no peer median the factor is 1.
 */
public final class PriceEstimator {
    private static final long NANO_FLOOR = 100;
    private static final long MEGA_CEILING = 10_000_000;

    private final PriceTable table;
    private final TierBands bands;

    public PriceEstimator(PriceTable table, TierBands bands) {
        this.table = Objects.requireNonNull(table, "table");
        this.bands = Objects.requireNonNull(bands, "bands");
    }

    public PriceTable table() {
        return table;
    }

    /**
     * @param rateCard the creator's own price for this deliverable in {@code rateCardCurrency}, if known
     */
    public PriceRange price(
            Platform platform,
            long followers,
            Deliverable deliverable,
            Double engagementRate,
            Double peerMedianEngagementRate,
            Optional<Double> rateCard,
            String rateCardCurrency) {
        return price(
                platform,
                followers,
                deliverable,
                engagementRate,
                peerMedianEngagementRate,
                rateCard.map(a -> new AgreedPrice(a, rateCardCurrency, false, null, null)));
    }

    /**
     * @param agreed the workspace's rate card or negotiated price for this deliverable, if known; it wins over the
     *     estimate
     * @throws IllegalArgumentException when the platform has no such deliverable (a YouTube reel)
     */
    public PriceRange price(
            Platform platform,
            long followers,
            Deliverable deliverable,
            Double engagementRate,
            Double peerMedianEngagementRate,
            Optional<AgreedPrice> agreed) {
        if (!deliverable.isOfferedOn(platform)) {
            throw new IllegalArgumentException("deliverable: " + platform.id() + " has no " + deliverable.id()
                    + "; it has " + Deliverable.idsOn(platform));
        }
        if (agreed.isPresent()) {
            AgreedPrice a = agreed.get();
            return new PriceRange(a.amount(), a.amount(), a.currency(), false, a.basis());
        }
        Tier tier = bands.tierOf(followers);
        double[] range = table.range(platform, tier, deliverable);
        if (range == null) {
            throw new IllegalArgumentException("price table has no row for " + platform.id() + " " + tier.id() + " "
                    + deliverable.id() + ": add prices." + platform.id() + "." + tier.id() + "." + deliverable.id());
        }
        double[] edges = tierEdges(tier);
        double t = Math.log(Math.max(edges[0], Math.min(edges[1], followers)) / (double) edges[0])
                / Math.log(edges[1] / (double) edges[0]);
        double point = range[0] * Math.pow(range[1] / Math.max(range[0], 1e-9), Math.max(0, Math.min(1, t)));
        double factor = 1.0;
        if (engagementRate != null && peerMedianEngagementRate != null && peerMedianEngagementRate > 0) {
            factor = Math.pow(Math.max(engagementRate, 1e-9) / peerMedianEngagementRate, table.engagementElasticity());
            factor = Math.max(table.minFactor(), Math.min(table.maxFactor(), factor));
        }
        double low = round(point * 0.7 * factor);
        double high = round(point * 1.4 * factor);
        return new PriceRange(
                low,
                high,
                table.currency(),
                true,
                "estimate from followers and engagement: " + platform.id() + " " + tier.id() + " " + deliverable.id()
                        + " " + fmt(range[0]) + "–" + fmt(range[1]) + " " + table.currency() + ", engagement ×"
                        + String.format(java.util.Locale.ROOT, "%.2f", factor) + ", range −30%/+40%");
    }

    private double[] tierEdges(Tier tier) {
        return switch (tier) {
            case NANO -> new double[] {NANO_FLOOR, bands.micro()};
            case MICRO -> new double[] {bands.micro(), bands.mid()};
            case MID -> new double[] {bands.mid(), bands.macro()};
            case MACRO -> new double[] {bands.macro(), bands.mega()};
            case MEGA -> new double[] {bands.mega(), MEGA_CEILING};
        };
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
