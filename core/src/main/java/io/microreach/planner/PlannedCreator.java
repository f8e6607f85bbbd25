package io.microreach.planner;

import io.microreach.domain.Platform;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.pricing.PriceRange;

/**
 * A chosen creator, with the evidence the choice rests on.
 *
 * @param marginalContribution what it added to the objective when it joined the plan (the contributions, in plan
 *     order, add up to the objective value)
 * @param reason why it was chosen
 * @param trustScore its trust score, or null when it has none
 * @param recentPosts posts within the evidence window of its newest post
 * @param audienceKnown false when it has no follower sample and no commenters: its overlap with the others is unknown
 *     (the plan counts its audience as not shared)
 */
public record PlannedCreator(
        String id,
        String handle,
        Platform platform,
        double cost,
        PriceRange price,
        DeliverableForecast forecast,
        double marginalContribution,
        String reason,
        Double trustScore,
        int recentPosts,
        boolean audienceKnown) {}
