package io.microreach.signals.commercial;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The verdict on one post.
 *
 * @param postId the post's platform id
 * @param reasons why it counts as sponsored; empty when it does not
 * @param markers what was found, as written in the post ("#ad", "code LENA15", "amzn.to", "paid_partnership"),
 *     for showing the evidence
 * @param weakMarkers ambiguous wording found ("#collab", "in collaboration with"): reported, never a reason
 * @param partnerBrands for a sponsored post, the accounts it ties to the deal (see {@link
 *     SponsorshipDetector#classify}); empty otherwise. Tagged friends, photographers and platforms are left out.
 * @param selfPromotion a code or link for the creator's own product or service ("my e-book", "my shop"): not
 *     sponsored, reported apart
 */
public record PostSponsorship(
        String postId,
        Set<SponsorshipReason> reasons,
        List<String> markers,
        List<String> weakMarkers,
        List<String> partnerBrands,
        boolean selfPromotion) {

    public PostSponsorship {
        Objects.requireNonNull(postId, "postId");
        reasons = Set.copyOf(reasons);
        markers = List.copyOf(markers);
        weakMarkers = List.copyOf(weakMarkers);
        partnerBrands = List.copyOf(partnerBrands);
    }

    public boolean sponsored() {
        return !reasons.isEmpty();
    }

    /** Disclosed by a marker in the text or by the platform's label. */
    public boolean disclosed() {
        return reasons.stream().anyMatch(SponsorshipReason::discloses);
    }

    /** Sponsored (by its code or link) without any disclosure: the audience is not told. */
    public boolean disclosureGap() {
        return sponsored() && !disclosed();
    }
}
