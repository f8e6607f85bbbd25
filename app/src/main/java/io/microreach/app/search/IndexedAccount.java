package io.microreach.app.search;

import java.util.List;

/**
 * Everything the index holds about one account, as loaded from PostgreSQL. Nullable boxed values are unknown.
 * {@code trustCoverage} is the share of the trust score's weight whose components had data (the scorecard's {@code
 * trustCoveredWeight}), null for a scorecard that does not say.
 */
record IndexedAccount(
        long id,
        String platform,
        String handle,
        String displayName,
        String tier,
        long followers,
        Long following,
        Long postsCount,
        long lastSeenMillis,
        boolean verified,
        String country,
        String language,
        boolean hasContact,
        boolean demo,
        Double engagementRate,
        Double engagementRatePercentile,
        Double trustScore,
        Double trustCoverage,
        Double suspiciousShare,
        Double replyRate,
        PriceEstimates.PriceRange price,
        List<NicheScore> niches,
        String bio,
        List<String> captions,
        List<String> hashtags,
        float[] vector) {}
