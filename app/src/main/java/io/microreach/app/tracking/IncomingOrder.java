package io.microreach.app.tracking;

import io.microreach.campaigns.OrderEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * An order as a shop delivered it, before attribution.
 *
 * @param event the order (its promo code is the first of {@code promoCodes}, or null)
 * @param promoCodes every discount code on the order (Shopify may carry several); attribution takes the first that
 *     belongs to a creator
 * @param updatedAt when the shop last changed it (the order's time when the shop does not say); stored to the
 *     microsecond, as PostgreSQL keeps it, so a repeat compares equal
 * @param lineItemsJson the line items as a JSON array, or null
 */
public record IncomingOrder(OrderEvent event, List<String> promoCodes, Instant updatedAt, String lineItemsJson) {
    public IncomingOrder {
        Objects.requireNonNull(event, "event");
        promoCodes = List.copyOf(promoCodes);
        updatedAt = (updatedAt == null ? event.createdAt() : updatedAt).truncatedTo(ChronoUnit.MICROS);
    }
}
