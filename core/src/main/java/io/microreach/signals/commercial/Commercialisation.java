package io.microreach.signals.commercial;

import io.microreach.signals.Confidence;
import io.microreach.signals.Proportion;
import java.util.List;

/**
 * Commercialisation of an account over its recent posts (PRODUCT.md): a high sponsored share means a less authentic
 * feed; undisclosed sponsored posts are a compliance risk for a brand that books the creator.
 *
 * @param sponsoredShare sponsored posts ÷ posts whose caption or paid label is known, with a Wilson 95% interval;
 *     {@code null} when unavailable
 * @param disclosedByMarker sponsored posts with a disclosure marker in hashtags or caption
 * @param paidPartnershipFlag posts carrying the platform's paid-partnership label
 * @param codeOrLink posts with a discount code or an affiliate link
 * @param undisclosed posts sponsored by code or link with neither a marker nor the label: the disclosure gap
 * @param disclosureGap undisclosed ÷ sponsored posts; {@code null} when there is no sponsored post or the share is
 *     unavailable
 * @param weakOnly posts whose only hint is ambiguous wording (#collab, "in collaboration with"): not counted as
 *     sponsored, listed for a human to look at
 * @param selfPromotion posts whose only commercial evidence is a code or link for the creator's own product or
 *     service ("my e-book", "my shop"): not sponsored, counted apart
 * @param sponsoredPostIds ids of sponsored posts (a sample, newest first)
 * @param undisclosedPostIds ids of undisclosed sponsored posts (a sample, newest first)
 * @param partnerBrands accounts mentioned in sponsored posts, most frequent first
 * @param posts posts looked at (the sample size)
 * @param confidence from the number of posts
 * @param unavailableReason why there is no share; {@code null} when there is one
 */
public record Commercialisation(
        Proportion sponsoredShare,
        int disclosedByMarker,
        int paidPartnershipFlag,
        int codeOrLink,
        int undisclosed,
        Proportion disclosureGap,
        int weakOnly,
        int selfPromotion,
        List<String> sponsoredPostIds,
        List<String> undisclosedPostIds,
        List<String> partnerBrands,
        int posts,
        Confidence confidence,
        String unavailableReason) {

    public Commercialisation {
        sponsoredPostIds = List.copyOf(sponsoredPostIds);
        undisclosedPostIds = List.copyOf(undisclosedPostIds);
        partnerBrands = List.copyOf(partnerBrands);
        if ((sponsoredShare == null) != (unavailableReason != null)) {
            throw new IllegalArgumentException("either a share or a reason it is unavailable");
        }
    }

    public boolean available() {
        return sponsoredShare != null;
    }
}
