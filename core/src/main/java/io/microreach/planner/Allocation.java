package io.microreach.planner;

import java.util.List;

/**
 * What an allocator chose.
 *
 * @param chosenIds in the order the creators were added (must-includes first)
 * @param evaluations marginal-gain evaluations (greedy) or search nodes (exact)
 * @param guarantee the approximation guarantee that holds for this instance, in words
 */
public record Allocation(List<String> chosenIds, double value, double cost, long evaluations, String guarantee) {
    public Allocation {
        chosenIds = List.copyOf(chosenIds);
    }
}
