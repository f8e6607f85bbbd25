package io.microreach.planner;

import io.microreach.audience.AudienceSketch;
import io.microreach.domain.Platform;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.pricing.PriceRange;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One creator account the planner may choose, with the deliverables it would buy from it.
 *
 * @param id stable unique id (the app uses "platform:handle"); ties are broken by it
 * @param cost planning cost in the plan's currency (the midpoint of {@code price})
 * @param engagementProbability chance that one audience member engages with the deliverables (forecast P50
 *     engagements ÷ followers, capped at 1)
 * @param conversionProbability chance that one audience member converts (forecast P50 conversions ÷ followers)
 * @param audience the audience sketch, or null when none is stored (then the creator's audience is assumed disjoint
 *     from everyone's)
 * @param recentPosts posts published within the evidence window (see {@link EvidenceMinimum}) of its newest post
 */
public record PlanCandidate(
        String id,
        String handle,
        Platform platform,
        Set<String> niches,
        Double trustScore,
        long followers,
        double cost,
        PriceRange price,
        DeliverableForecast forecast,
        double engagementProbability,
        double conversionProbability,
        AudienceSketch audience,
        int recentPosts) {

    /** A candidate without a post count (fine where the plan sets no {@link EvidenceMinimum}). */
    public PlanCandidate(
            String id,
            String handle,
            Platform platform,
            Set<String> niches,
            Double trustScore,
            long followers,
            double cost,
            PriceRange price,
            DeliverableForecast forecast,
            double engagementProbability,
            double conversionProbability,
            AudienceSketch audience) {
        this(
                id,
                handle,
                platform,
                niches,
                trustScore,
                followers,
                cost,
                price,
                forecast,
                engagementProbability,
                conversionProbability,
                audience,
                0);
    }

    public PlanCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platform, "platform");
        niches = new TreeSet<>(niches == null ? Set.of() : niches);
        if (!(cost >= 0)) {
            throw new IllegalArgumentException("cost of " + id + " must be >= 0");
        }
        engagementProbability = Math.max(0, Math.min(1, engagementProbability));
        conversionProbability = Math.max(0, Math.min(1, conversionProbability));
    }

    /**
     * Whether overlap with other audiences can be estimated at all: an account with no sampled follower and no
     * commenter has an empty sketch, and its overlap is unknown rather than zero.
     */
    public boolean audienceKnown() {
        return audience != null && audience.sampleSize() > 0;
    }

    /** The audience size used for the coverage model. */
    long audienceSize() {
        return audience != null ? audience.audienceSize() : followers;
    }
}
