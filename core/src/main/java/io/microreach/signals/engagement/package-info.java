/**
 * Engagement signals: the tier of an account per platform ({@link io.microreach.signals.engagement.TierPolicy}),
 * the engagement rate of each post and the creator's median over a recent-posts window
 * ({@link io.microreach.signals.engagement.EngagementRates}), the like-to-comment ratio, percentiles of any metric
 * among peers of the same platform, tier and optionally niche
 * ({@link io.microreach.signals.engagement.PeerDistribution}), and the expected engagement rate for a follower count
 * fitted on the pool ({@link io.microreach.signals.engagement.ExpectedEngagement}). Pure Java: it uses the domain
 * records, the shared types of {@code io.microreach.signals} and the JDK, nothing else.
 */
package io.microreach.signals.engagement;
