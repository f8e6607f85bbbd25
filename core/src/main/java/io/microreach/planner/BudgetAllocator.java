package io.microreach.planner;

/** Chooses creators under a budget and constraints to maximise the problem's objective. Deterministic. */
public interface BudgetAllocator {
    /**
     * @throws PlanningException when the input is invalid or no plan satisfies the constraints (naming the constraint)
     */
    Allocation allocate(PlanProblem problem);
}
