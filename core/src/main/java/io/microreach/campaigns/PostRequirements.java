package io.microreach.campaigns;

import java.util.List;

/**
 * What a deliverable's post must carry.
 *
 * @param hashtags required hashtags, with or without {@code #}
 * @param mentions required mentions, with or without {@code @}
 * @param requireLink whether the tracking link or the promo code must appear
 * @param trackingUrl the creator's tracking URL (its scheme is ignored when looking for it), or null
 * @param promoCode the creator's promo code, or null
 */
public record PostRequirements(
        List<String> hashtags, List<String> mentions, boolean requireLink, String trackingUrl, String promoCode) {
    public PostRequirements {
        hashtags = List.copyOf(hashtags == null ? List.of() : hashtags);
        mentions = List.copyOf(mentions == null ? List.of() : mentions);
        if (requireLink && blank(trackingUrl) && blank(promoCode)) {
            throw new IllegalArgumentException("a required link needs a tracking URL or a promo code to look for");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
