package io.microreach.planner;

import io.microreach.domain.Platform;
import io.microreach.forecast.DeliverableForecast;
import io.microreach.pricing.PriceRange;

/**
 * A chosen creator.
 *
 * @param marginalContribution what it added to the objective when it joined the plan (the contributions, in plan
 *     order, add up to the objective value)
 * @param reason why it was chosen
 */
public record PlannedCreator(
        String id,
        String handle,
        Platform platform,
        double cost,
        PriceRange price,
        DeliverableForecast forecast,
        double marginalContribution,
        String reason) {}
