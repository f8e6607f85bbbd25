package io.microreach.campaigns;

import java.util.Objects;

/**
 * The creator an order is credited to.
 *
 * @param creatorId the campaign creator, or null when unattributed
 * @param reason one sentence a marketer can read, e.g. "promo code ANNA15 of creator 12"
 */
public record Attribution(Long creatorId, AttributionBasis basis, String reason) {
    public Attribution {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(reason, "reason");
        if ((creatorId == null) != (basis == AttributionBasis.NONE)) {
            throw new IllegalArgumentException("a creator goes with PROMO_CODE or CLICK, none with NONE");
        }
    }

    public boolean attributed() {
        return creatorId != null;
    }
}
