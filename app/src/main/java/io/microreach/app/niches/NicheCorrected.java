package io.microreach.app.niches;

/**
 * Published (synchronously, after the correction is stored) when a user corrected an account's niches, so the
 * account's derived data can refresh: its niches are classified again (order 10), then the search index (20) and the
 * audience sketches (30) pick the account up, the same steps a rescore of that one account takes.
 *
 * @param accountId the corrected account
 */
public record NicheCorrected(long accountId) {}
