package io.microreach.planner;

import java.util.List;

/**
 * The planner's answer.
 *
 * @param objectiveValue of {@code plan}, in the objective's unit (people for engaged reach and conversions, money for
 *     profit)
 * @param rejected the most relevant candidates not chosen (best stand-alone value first), with reasons
 * @param alternatives the best single creator within the budget and the naive "top followers" plan, same fields
 * @param explanation the plan in plain words: guarantee, evidence minimum, unspent budget, next best additions,
 *     comparison with the alternatives, warnings
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
        List<PlanSummary> alternatives,
        PlanExplanation explanation) {
    public Plan {
        rejected = List.copyOf(rejected);
        alternatives = List.copyOf(alternatives);
    }
}
