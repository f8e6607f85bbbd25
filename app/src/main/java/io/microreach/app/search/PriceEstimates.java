package io.microreach.app.search;

import java.util.Collection;
import java.util.Map;

/**
 * Hook for the budget planner's prices: when a bean implements it, every indexed account gets its estimated price
 * range and the {@code price_min}/{@code price_max} filters work; without one those filters answer "price
 * estimates are unavailable" instead of silently matching nothing.
 */
public interface PriceEstimates {
    /**
     * Price of the main sponsored deliverable (a post on Instagram, a video on TikTok and YouTube) of each given account
     * that has one (accounts without a price are absent).
     */
    Map<Long, PriceRange> estimates(Collection<Long> accountIds);

    /**
     * The current workspace's own prices (rate cards, negotiated prices) of those accounts that have one. The shared
     * index holds only {@link #estimates}; results are shown with these on top, so one account shows one price in
     * every view of a workspace, while the price filter works on the estimates.
     */
    default Map<Long, PriceRange> workspacePrices(Collection<Long> accountIds) {
        return Map.of();
    }

    /**
     * A price range in one currency for the platform's main sponsored deliverable.
     *
     * @param basis where it comes from, as a user reads it (the deliverable, "estimate from followers and engagement"
     *     or "rate card, valid from …", and the conversion when one happened); null when unknown
     * @param converted whether the amount was converted from another currency (shown as "≈")
     */
    record PriceRange(double low, double high, String currency, String basis, boolean converted) {
        public PriceRange(double low, double high, String currency) {
            this(low, high, currency, null, false);
        }
    }
}
