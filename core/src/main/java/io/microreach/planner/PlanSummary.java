package io.microreach.planner;

import io.microreach.forecast.DeliverableForecast;
import java.util.List;

/**
 * A set of chosen creators with its cost, objective value and summed forecast (bands added as if the creators moved
 * together, which makes the plan's P10/P90 conservative).
 *
 * @param name "plan", "best single creator" or "top followers"
 */
public record PlanSummary(
        String name,
        List<PlannedCreator> creators,
        double totalCost,
        double objectiveValue,
        DeliverableForecast forecast) {
    public PlanSummary {
        creators = List.copyOf(creators);
    }
}
