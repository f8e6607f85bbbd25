/**
 * Engagement anomalies: follower-count spikes (robust z-score of the day-over-day change), a like-to-comment ratio
 * far from the account's peers, comment pods (the same few accounts commenting on most posts within minutes) and
 * the share of generic comments. Reads {@link io.microreach.signals.AccountActivity} and, for the peer comparison, a
 * {@link io.microreach.signals.anomalies.PeerRatios} the caller builds from its pool; uses the shared value types
 * of {@code io.microreach.signals}; pure Java, no Spring, SQL or HTTP.
 */
package io.microreach.signals.anomalies;
