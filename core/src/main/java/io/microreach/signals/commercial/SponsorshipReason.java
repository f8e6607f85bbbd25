package io.microreach.signals.commercial;

/** Why a post is considered sponsored. A post may have several reasons. */
public enum SponsorshipReason {
    /** A disclosure marker in hashtags or caption (#ad, #werbung, "paid partnership", …). */
    DISCLOSURE_MARKER,
    /** The platform's own paid-partnership label is set. */
    PAID_PARTNERSHIP_FLAG,
    /** A discount code ("code LENA15", "use my code", "Rabattcode …"). */
    DISCOUNT_CODE,
    /** An affiliate or tracked link (amzn.to, {@code ?ref=}, {@code utm_}, {@code /ref/}) or affiliate wording. */
    AFFILIATE_LINK;

    /** Whether this reason is itself a disclosure to the audience. */
    public boolean discloses() {
        return this == DISCLOSURE_MARKER || this == PAID_PARTNERSHIP_FLAG;
    }
}
