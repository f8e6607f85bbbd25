package io.microreach.app.tracking;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a campaign creator's link and code brought.
 *
 * @param clicks requests screened as a person's click
 * @param uniqueClicks distinct visitors per UTC day, summed over the days (the visitor hash changes every day)
 * @param bots crawlers and robots, counted apart
 * @param previews link-preview fetchers, counted apart
 * @param prefetches speculative browser fetches, counted apart
 * @param heads HEAD requests, counted apart
 * @param orders orders attributed to the creator (by code or click)
 * @param conversions attributed orders with a total above zero (a gifted, zero-total order is no sale)
 * @param revenue the totals of the attributed orders, as the shop reported them (no currency conversion)
 * @param perDay the days with clicks or orders, oldest first
 */
public record CreatorTracking(
        long creatorId,
        String platform,
        String handle,
        long clicks,
        long uniqueClicks,
        long bots,
        long previews,
        long prefetches,
        long heads,
        long orders,
        long conversions,
        BigDecimal revenue,
        BigDecimal revenueByPromoCode,
        BigDecimal revenueByClick,
        List<DayCount> perDay) {
    public CreatorTracking {
        perDay = List.copyOf(perDay);
    }
}
