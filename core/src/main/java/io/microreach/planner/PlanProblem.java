package io.microreach.planner;

import java.util.List;
import java.util.Objects;

/**
 * A planning instance.
 *
 * @param valuePerConversion profit per conversion before the creator fee (AOV × margin), used by {@link
 *     Objective#PROFIT}
 */
public record PlanProblem(
        List<PlanCandidate> candidates,
        Objective objective,
        PlanConstraints constraints,
        double budget,
        String currency,
        double valuePerConversion) {

    public PlanProblem {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(currency, "currency");
    }

    public PlanProblem withBudget(double b) {
        return new PlanProblem(candidates, objective, constraints, b, currency, valuePerConversion);
    }

    public PlanProblem withConstraints(PlanConstraints c) {
        return new PlanProblem(candidates, objective, c, budget, currency, valuePerConversion);
    }
}
