package io.microreach.app.tracking;

import io.microreach.campaigns.AttributedOrder;
import io.microreach.campaigns.TrackedClick;
import java.util.List;

/**
 * What the coupon-leak check reads for one campaign creator: every order credited to the creator (by code or by
 * click, oldest first) and every person's click on the creator's link (oldest first).
 *
 * @param promoCode the creator's code, or null
 */
public record CreatorEvidence(
        long creatorId, String promoCode, Long followers, List<AttributedOrder> orders, List<TrackedClick> clicks) {
    public CreatorEvidence {
        orders = List.copyOf(orders);
        clicks = List.copyOf(clicks);
    }
}
