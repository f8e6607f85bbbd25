package io.microreach.app.shortlists;

import java.time.Instant;

/**
 * One account on a shortlist with the key metrics a marketer compares; a metric is {@code null} when the account
 * is not scored yet or the metric had too little data (the creator page says why).
 *
 * @param engagementRate median ER by followers
 * @param engagementRatePercentile the median ER's percentile among the account's peers (platform and tier)
 * @param suspiciousShare estimated share of suspicious followers
 */
public record ShortlistEntry(
        long accountId,
        String platform,
        String handle,
        String displayName,
        long followers,
        String tier,
        Double trustScore,
        Double engagementRate,
        Double engagementRatePercentile,
        Double suspiciousShare,
        Double replyRate,
        Instant addedAt) {}
