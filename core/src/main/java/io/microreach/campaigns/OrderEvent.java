package io.microreach.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as a shop reports it, whatever the channel (generic webhook, Shopify webhook, CSV).
 *
 * @param total the order total in {@code currency}, at least 0
 * @param promoCode the discount code the customer entered, or null
 * @param clickId the click id of the last tracking link the customer followed (carried through the landing URL), or
 *     null
 */
public record OrderEvent(
        String orderId, Instant createdAt, BigDecimal total, String currency, String promoCode, String clickId) {
    public OrderEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        if (total.signum() < 0) {
            throw new IllegalArgumentException("total must be at least 0, got " + total);
        }
        promoCode = blankToNull(promoCode);
        clickId = blankToNull(clickId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
