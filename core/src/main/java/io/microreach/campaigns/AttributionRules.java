package io.microreach.campaigns;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The attribution rule, documented in the README: a creator's promo code wins; otherwise the order's click id, when
 * it belongs to a creator's link and the click came within the attribution window before the order; otherwise the
 * order is unattributed.
 *
 * <p>Why the code wins over the click: a code is typed by the customer on purpose, while a click id only says which
 * link was followed last, which may be another creator's link seen later. That is the convention of the affiliate
 * platforms (a coupon overrides the cookie) and the one a creator can check for themselves.
 *
 * <p>A click up to {@link #CLOCK_SKEW} after the order still counts, because the shop's clock and ours differ slightly
 * and the click id can only have reached the order through the click.
 */
public final class AttributionRules {
    /** Default attribution window (PRODUCT.md). */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    /** How far a click may lie after the order's time stamp and still count (clock differences). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Duration window;

    public AttributionRules(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the attribution window must be positive, got " + window);
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * Credits the order.
     *
     * @param creatorByPromoCode the campaign creator holding a code (case-insensitive lookup is the caller's), if any
     * @param clickById the tracked click with that id, if any
     */
    public Attribution attribute(
            OrderEvent order,
            Function<String, OptionalLong> creatorByPromoCode,
            Function<String, Optional<TrackedClick>> clickById) {
        if (order.promoCode() != null) {
            OptionalLong creator = creatorByPromoCode.apply(order.promoCode());
            if (creator.isPresent()) {
                return new Attribution(
                        creator.getAsLong(),
                        AttributionBasis.PROMO_CODE,
                        "promo code " + order.promoCode() + " of creator " + creator.getAsLong());
            }
        }
        if (order.clickId() == null) {
            return new Attribution(
                    null,
                    AttributionBasis.NONE,
                    order.promoCode() == null ? "no promo code and no click id" : unknownCode(order) + ", no click id");
        }
        Optional<TrackedClick> click = clickById.apply(order.clickId());
        if (click.isEmpty()) {
            return new Attribution(
                    null, AttributionBasis.NONE, prefix(order) + "click id " + order.clickId() + " unknown");
        }
        TrackedClick c = click.get();
        Duration age = Duration.between(c.at(), order.createdAt());
        if (age.compareTo(CLOCK_SKEW.negated()) < 0) {
            return new Attribution(null, AttributionBasis.NONE, prefix(order) + "click came after the order");
        }
        if (age.compareTo(window) > 0) {
            return new Attribution(
                    null,
                    AttributionBasis.NONE,
                    prefix(order) + "click was " + age.toDays() + " days before the order, outside the "
                            + window.toDays() + "-day window");
        }
        return new Attribution(
                c.creatorId(),
                AttributionBasis.CLICK,
                "click " + c.clickId() + " on the link of creator " + c.creatorId());
    }

    private static String prefix(OrderEvent order) {
        return order.promoCode() == null ? "" : unknownCode(order) + "; ";
    }

    private static String unknownCode(OrderEvent order) {
        return "promo code " + order.promoCode() + " belongs to no creator";
    }
}
