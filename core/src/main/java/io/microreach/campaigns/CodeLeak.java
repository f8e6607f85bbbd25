package io.microreach.campaigns;

import io.microreach.signals.Confidence;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one creator's promo code, with its evidence ({@link CouponLeakDetector} explains the rule).
 *
 * @param codeOrders orders credited to the creator by the code
 * @param codeOnlyOrders code orders without a click of this creator's link within the window before the order
 * @param codeOnlyShare codeOnlyOrders ÷ codeOrders; null without code orders
 * @param burstOrders1h the most code-only orders within any hour
 * @param burstOrders24h the most code-only orders within any 24 hours
 * @param burstStart when those 24 hours began; null without code-only orders
 * @param clicksInBurst human clicks on the creator's link in those 24 hours
 * @param burstRatio burstOrders24h ÷ the most code-only orders the clicks of those 24 hours could explain; null
 *     without code-only orders
 * @param expectedFromReach the most code orders the creator's audience could plausibly bring; null without a
 *     follower count
 * @param beyondReach codeOrders ÷ expectedFromReach; null without a follower count
 * @param assessable false when there are too few code orders to judge (then {@code leak} is false and the confidence
 *     NONE)
 * @param reasons plain sentences for the marketer
 */
public record CodeLeak(
        String promoCode,
        int codeOrders,
        int codeOnlyOrders,
        Double codeOnlyShare,
        int burstOrders1h,
        int burstOrders24h,
        Instant burstStart,
        int clicksInBurst,
        Double burstRatio,
        Double expectedFromReach,
        Double beyondReach,
        boolean assessable,
        boolean leak,
        Confidence confidence,
        List<String> reasons) {
    public CodeLeak {
        Objects.requireNonNull(promoCode, "promoCode");
        Objects.requireNonNull(confidence, "confidence");
        reasons = List.copyOf(reasons);
        if (!assessable && (leak || confidence != Confidence.NONE)) {
            throw new IllegalArgumentException("an unassessable code has no verdict and no confidence");
        }
    }
}
