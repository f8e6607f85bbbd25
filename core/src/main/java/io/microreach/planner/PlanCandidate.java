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
        AudienceSketch audience) {

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

    /** The audience size used for the coverage model. */
    long audienceSize() {
        return audience != null ? audience.audienceSize() : followers;
    }
}
