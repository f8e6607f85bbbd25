package io.microreach.app.planner;

import io.microreach.forecast.BrandRates;
import io.microreach.planner.Objective;
import io.microreach.planner.PlanConstraints;
import io.microreach.pricing.Deliverable;
import java.util.List;
import java.util.Set;

/**
 * A planning brief as the user writes it (see docs/planner.md and docs/examples/brief.yaml). Creator ids in
 * constraints are "platform:handle".
 *
 * @param deliverables what to buy from each creator, of those its platform has; empty = each platform's main one (an
 *     Instagram post, a TikTok or YouTube video)
 * @param niches candidates must have one of these niches (ignored while no niches are classified); empty = any
 * @param countries ISO country codes; empty = any
 * @param platforms platform ids; empty = any
 */
public record PlanBrief(
        double budget,
        String currency,
        Objective objective,
        List<Deliverable> deliverables,
        Set<String> niches,
        Set<String> countries,
        Set<String> platforms,
        PlanConstraints constraints,
        BrandRates brandRates) {

    public PlanBrief {
        deliverables = List.copyOf(deliverables);
        niches = Set.copyOf(niches);
        countries = Set.copyOf(countries);
        platforms = Set.copyOf(platforms);
    }
}
