package io.microreach.planner;

import java.util.List;

/**
 * What an allocator chose.
 *
 * @param chosenIds in the order the creators were added (must-includes first)
 * @param evaluations marginal-gain evaluations (greedy) or search nodes (exact)
 * @param guarantee the approximation guarantee that holds for this instance, in words
 * @param guaranteedShare the proven share of the optimum (1 for an exact optimum), or null when none is proven
 */
public record Allocation(
        List<String> chosenIds, double value, double cost, long evaluations, String guarantee, Double guaranteedShare) {
    public Allocation {
        chosenIds = List.copyOf(chosenIds);
    }
}
