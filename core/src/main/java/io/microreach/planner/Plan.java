package io.microreach.planner;

import java.util.List;

/**
 * The planner's answer.
 *
 * @param objectiveValue of {@code plan}, in the objective's unit (people for engaged reach and conversions, money for
 *     profit)
 * @param rejected the most relevant candidates not chosen (best stand-alone value first), with reasons
 * @param alternatives the best single creator within the budget and the naive "top followers" plan, same fields
 */
public record Plan(
        PlanSummary plan,
        Objective objective,
        double budget,
        String currency,
        double objectiveValue,
        String guarantee,
        long evaluations,
        List<RejectedCreator> rejected,
        List<PlanSummary> alternatives) {
    public Plan {
        rejected = List.copyOf(rejected);
        alternatives = List.copyOf(alternatives);
    }
}
