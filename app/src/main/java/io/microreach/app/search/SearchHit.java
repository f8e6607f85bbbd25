package io.microreach.app.search;

import java.util.List;

/**
 * One result row with the numbers a list shows and why it ranks where it does. Metrics are null when the account is
 * not scored yet; {@code price} is the price of the platform's main format (the planner's price service: the
 * workspace's rate card or negotiated price, else the estimated range, in the display currency), null without one; {@code
 * demo} marks accounts of the generated demo data set.
 */
public record SearchHit(
        long accountId,
        String platform,
        String handle,
        String displayName,
        String tier,
        long followers,
        Long following,
        Long postsCount,
        String country,
        String language,
        boolean verified,
        boolean hasContact,
        boolean demo,
        Double engagementRate,
        Double engagementRatePercentile,
        Double trustScore,
        Double suspiciousShare,
        Double replyRate,
        List<NicheScore> niches,
        PriceEstimates.PriceRange price,
        double score,
        RankExplanation explanation) {

    /** The same hit with another price. */
    public SearchHit withPrice(PriceEstimates.PriceRange newPrice) {
        return new SearchHit(
                accountId,
                platform,
                handle,
                displayName,
                tier,
                followers,
                following,
                postsCount,
                country,
                language,
                verified,
                hasContact,
                demo,
                engagementRate,
                engagementRatePercentile,
                trustScore,
                suspiciousShare,
                replyRate,
                niches,
                newPrice,
                score,
                explanation);
    }
}
