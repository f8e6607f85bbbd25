package io.microreach.app.planner;

import io.microreach.forecast.DeliverableForecast;
import io.microreach.planner.Plan;
import io.microreach.planner.PlanExplanation;
import io.microreach.planner.PlanSummary;
import io.microreach.planner.PlannedCreator;
import io.microreach.planner.RejectedCreator;
import io.microreach.pricing.Deliverable;
import io.microreach.pricing.PriceRange;
import java.util.List;

/**
 * The CLI/REST shape of a plan (the contract in the README: creators, totalCost, objective, …, alternatives).
 *
 * @param explanation the plan in plain words: the guarantee, what was weighed, the evidence minimum and who fell short
 *     of it, why budget is left and the next best additions, the comparison with the alternatives, warnings
 * @param notes what was done to the candidates before planning (e.g. an older account of a reused handle left out)
 */
public record PlanResponse(
        List<Creator> creators,
        double totalCost,
        String currency,
        double budget,
        String objective,
        double objectiveValue,
        String guarantee,
        DeliverableForecast forecast,
        List<RejectedCreator> rejected,
        List<Alternative> alternatives,
        PlanExplanation explanation,
        List<String> notes) {

    /**
     * One chosen creator.
     *
     * @param trustScore null when the account has none
     * @param recentPosts posts within the evidence window of its newest post
     * @param audienceKnown false when the account has no audience data: its overlap with the others is unknown
     */
    public record Creator(
            String id,
            String handle,
            String platform,
            List<String> deliverables,
            double cost,
            PriceRange price,
            DeliverableForecast forecast,
            double marginalContribution,
            String reason,
            Double trustScore,
            int recentPosts,
            boolean audienceKnown) {}

    /** A comparison plan with the same fields. */
    public record Alternative(
            String name,
            List<Creator> creators,
            double totalCost,
            String objective,
            double objectiveValue,
            DeliverableForecast forecast) {}

    static PlanResponse of(Plan plan, List<String> notes) {
        String objective = plan.objective().id();
        return new PlanResponse(
                creators(plan.plan()),
                plan.plan().totalCost(),
                plan.currency(),
                plan.budget(),
                objective,
                plan.objectiveValue(),
                plan.guarantee(),
                plan.plan().forecast(),
                plan.rejected(),
                plan.alternatives().stream()
                        .map(a -> new Alternative(
                                a.name(), creators(a), a.totalCost(), objective, a.objectiveValue(), a.forecast()))
                        .toList(),
                plan.explanation(),
                List.copyOf(notes));
    }

    private static List<Creator> creators(PlanSummary s) {
        return s.creators().stream().map(PlanResponse::creator).toList();
    }

    private static Creator creator(PlannedCreator c) {
        List<String> ds = c.forecast() == null
                ? List.of()
                : c.forecast().deliverables().stream().map(Deliverable::id).toList();
        return new Creator(
                c.id(),
                c.handle(),
                c.platform().id(),
                ds,
                c.cost(),
                c.price(),
                c.forecast(),
                c.marginalContribution(),
                c.reason(),
                c.trustScore(),
                c.recentPosts(),
                c.audienceKnown());
    }
}
