package io.microreach.app.scoring;

import java.time.Duration;

/**
 * What a scoring run did.
 *
 * @param accounts accounts measured and stored
 * @param withTrustScore of those, accounts with enough data for a trust score
 * @param poolSize accounts the peer statistics were built from
 */
public record ScoringReport(long accounts, long withTrustScore, long poolSize, Duration elapsed) {}
