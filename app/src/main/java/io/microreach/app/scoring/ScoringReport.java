package io.microreach.app.scoring;

import java.time.Duration;

/**
 * What a scoring run did.
 *
 * @param accounts accounts measured and stored
 * @param withTrustScore of those, accounts with enough data for a trust score
 * @param poolSize accounts the peer statistics were built from
 * @param refreshed other accounts whose scorecards were re-assembled from their stored signals against the new
 *     pool (incremental rescoring), without measuring them again
 */
public record ScoringReport(long accounts, long withTrustScore, long poolSize, long refreshed, Duration elapsed) {}
