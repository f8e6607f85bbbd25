package io.microreach.signals.scorecard;

/**
 * The pool-dependent headline numbers of an account: what {@link ScorecardAssembler#headline} adds to its {@link
 * HeadlineInputs} (the other stored columns come from those inputs unchanged).
 *
 * @param trustScore {@code null} without an engagement rate compared with peers and with less than half of the weight
 *     measured (see {@code TrustScore})
 * @param engagementRatePercentile {@code null} without an ER or with too few peers
 * @param anomalyCount the kinds of anomaly found: follower spikes, a comment pod, a like-to-comment ratio far from
 *     peers
 */
public record Headline(Double trustScore, Double engagementRatePercentile, int anomalyCount) {}
