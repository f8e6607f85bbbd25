package io.microreach.planner;

import java.util.List;

/**
 * What a marketer needs to defend a plan: the guarantee in one plain sentence, what the optimiser weighed, who was
 * left out for too little evidence, why budget is left over and what the next best additions would add, how the plan
 * compares with the naive ones, and warnings when nothing sensible could be planned.
 *
 * @param guaranteeSummary the guarantee in plain words (the technical statement with its reference is {@link
 *     Plan#guarantee()})
 * @param weighed what each step of the optimiser compared
 * @param evidence the evidence minimum that applied
 * @param candidates candidates considered (after the brief's filters)
 * @param eligible candidates the plan could choose from
 * @param excludedForEvidence candidates left out because they fall short of {@code evidence}
 * @param unspent budget not spent
 * @param unspentReason why {@code unspent} is left, or null when (almost) all of the budget is spent
 * @param nextBest the best candidates not in the plan (most added value per cost first), with what each would add
 * @param comparisons one sentence per alternative plan: what this plan gains over it, or why they are the same
 * @param warnings problems that make the plan unusable as it is (nothing fits the budget, no candidate qualifies)
 * @param unknownOverlap handles of chosen creators without audience data, whose overlap with the others is unknown
 */
public record PlanExplanation(
        String guaranteeSummary,
        String weighed,
        EvidenceMinimum evidence,
        int candidates,
        int eligible,
        int excludedForEvidence,
        double unspent,
        String unspentReason,
        List<Addition> nextBest,
        List<String> comparisons,
        List<String> warnings,
        List<String> unknownOverlap) {

    public PlanExplanation {
        nextBest = List.copyOf(nextBest);
        comparisons = List.copyOf(comparisons);
        warnings = List.copyOf(warnings);
        unknownOverlap = List.copyOf(unknownOverlap);
    }

    /**
     * A candidate that is not in the plan and what it would add to it.
     *
     * @param gain what it would add to the objective on top of the plan (net of overlap)
     * @param whyNot why the plan does not include it
     */
    public record Addition(String id, String handle, double cost, double gain, String whyNot) {}
}
