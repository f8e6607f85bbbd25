package io.microreach.pricing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A price the workspace knows for one deliverable instead of estimating it: the creator's published rate card, or a
 * price negotiated with them.
 *
 * @param validFrom the first day it applies; null when it applies from when it was entered
 * @param entered the day it was entered
 */
public record AgreedPrice(double amount, String currency, boolean negotiated, LocalDate validFrom, LocalDate entered) {
    public AgreedPrice {
        Objects.requireNonNull(currency, "currency");
        if (!(amount >= 0) || !Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount: must be a number >= 0, got " + amount);
        }
    }

    /** The basis a user reads next to the amount ("rate card, valid from 2026-11-01"). */
    public String basis() {
        String kind = negotiated ? "negotiated price" : "rate card";
        if (validFrom != null) {
            return kind + ", valid from " + validFrom;
        }
        return entered == null ? kind : kind + ", entered " + entered;
    }
}
