package io.microreach.app.search;

import java.util.Collection;
import java.util.Map;

/**
 * Hook for the budget planner's price estimates: when a bean implements it, every indexed account gets its estimated
 * price range and the {@code price_min}/{@code price_max} filters work; without one those filters answer "price
 * estimates are unavailable" instead of silently matching nothing.
 */
public interface PriceEstimates {
    /** Price of one sponsored post (a video on TikTok and YouTube) of each given account that has one (accounts without an estimate are absent). */
    Map<Long, PriceRange> estimates(Collection<Long> accountIds);

    /** A price range in one currency for one sponsored post. */
    record PriceRange(double low, double high, String currency) {}
}
