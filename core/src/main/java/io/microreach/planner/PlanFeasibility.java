package io.microreach.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a plan problem can be solved at all, checked once when its {@link CoverageModel} is built: the brief's own
 * fields, each candidate's eligibility (excluded, trust, budget, budget share, a platform quota of 0), and the
 * constraints that no selection can meet (must-includes over budget, too few eligible or affordable creators for a
 * minimum or a quota). Every refusal is a {@link PlanningException} that names the field at fault.
 */
final class PlanFeasibility {
    private PlanFeasibility() {}

    static void validate(PlanProblem p) {
        if (!(p.budget() > 0) || Double.isInfinite(p.budget())) {
            throw new PlanningException("budget", "must be a positive amount, got " + p.budget());
        }
        if (p.currency().isBlank()) {
            throw new PlanningException("currency", "is required");
        }
        for (PlanCandidate c : p.candidates()) {
            if (c.price() != null && !c.price().currency().equalsIgnoreCase(p.currency())) {
                throw new PlanningException(
                        "currency",
                        "the brief is in " + p.currency() + " but the price of " + c.id() + " is in "
                                + c.price().currency() + " (" + c.price().source() + "); use one currency");
            }
        }
        if (p.objective() == Objective.PROFIT && !(p.valuePerConversion() >= 0)) {
            throw new PlanningException("brandRates", "value per conversion must be >= 0");
        }
    }

    static String ineligibility(PlanCandidate c, PlanConstraints k, double budget) {
        if (k.excluded().contains(c.id())) {
            return "excluded";
        }
        String evidence = k.evidence().shortfall(c);
        if (evidence != null) {
            return evidence;
        }
        if (k.minTrustScore() != null) {
            if (c.trustScore() == null) {
                return "no trust score (minTrustScore " + CoverageModel.fmt(k.minTrustScore()) + ")";
            }
            if (c.trustScore() < k.minTrustScore()) {
                return "below min trust (" + CoverageModel.fmt(c.trustScore()) + " < "
                        + CoverageModel.fmt(k.minTrustScore()) + ")";
            }
        }
        if (c.cost() > budget + CoverageModel.EPS) {
            return "over budget (costs " + CoverageModel.fmt(c.cost()) + " > budget " + CoverageModel.fmt(budget) + ")";
        }
        if (c.cost() > k.maxBudgetShare() * budget + CoverageModel.EPS) {
            return "over max budget share (costs " + CoverageModel.fmt(c.cost()) + " > "
                    + CoverageModel.fmt(k.maxBudgetShare()) + " × budget)";
        }
        Quota pq = k.platformQuotas().get(c.platform().id());
        if (pq != null && pq.max() == 0) {
            return "platform " + c.platform().id() + " has quota max 0";
        }
        return null;
    }

    /** Refuses a problem no plan can satisfy, naming the constraint that cannot be met. */
    static void check(CoverageModel m) {
        PlanConstraints k = m.problem.constraints();
        for (String id : k.excluded()) {
            if (!m.indexOf.containsKey(id)) {
                throw new PlanningException("constraints.excluded", "unknown creator " + id);
            }
        }
        double mustCost = 0;
        for (int must : m.mustInclude) {
            mustCost += m.cost[must];
        }
        if (mustCost > m.budget + CoverageModel.EPS) {
            throw new PlanningException(
                    "budget",
                    "the must-include creators cost " + CoverageModel.fmt(mustCost) + ", more than the budget "
                            + CoverageModel.fmt(m.budget));
        }
        if (m.mustInclude.length > m.maxCreators) {
            throw new PlanningException(
                    "constraints.maxCreators",
                    m.mustInclude.length + " must-include creators but at most " + m.maxCreators + " creators");
        }
        List<Integer> el = new ArrayList<>();
        for (int i = 0; i < m.n; i++) {
            if (m.eligible[i]) {
                el.add(i);
            }
        }
        if (el.size() < m.minCreators) {
            throw new PlanningException(
                    "constraints.minCreators",
                    "needs " + m.minCreators + " creators but only " + el.size()
                            + " are eligible (after the evidence minimum, minTrustScore, excluded, budget and"
                            + " maxBudgetShare)");
        }
        double[] sorted = el.stream().mapToDouble(i -> m.cost[i]).sorted().toArray();
        double cheapest = 0;
        for (int i = 0; i < m.minCreators; i++) {
            cheapest += sorted[i];
        }
        if (cheapest > m.budget + CoverageModel.EPS) {
            throw new PlanningException(
                    "constraints.minCreators",
                    "the " + m.minCreators + " cheapest eligible creators cost " + CoverageModel.fmt(cheapest)
                            + ", more than the budget " + CoverageModel.fmt(m.budget));
        }
        for (int q = 0; q < m.nicheKeys.size(); q++) {
            checkQuota(m, "constraints.nicheQuotas." + m.nicheKeys.get(q), m.nicheMin[q], m.nicheMax[q], el, q, true);
        }
        for (int q = 0; q < m.platformKeys.size(); q++) {
            checkQuota(
                    m,
                    "constraints.platformQuotas." + m.platformKeys.get(q),
                    m.platformMin[q],
                    m.platformMax[q],
                    el,
                    q,
                    false);
        }
        int mins = 0;
        for (int min : m.nicheMin) {
            mins = Math.max(mins, min);
        }
        if (mins > m.maxCreators) {
            throw new PlanningException(
                    "constraints.maxCreators", "a niche quota needs " + mins + " creators, more than maxCreators");
        }
    }

    private static void checkQuota(
            CoverageModel m, String field, int min, int max, List<Integer> eligibleIdx, int q, boolean niche) {
        if (min == 0) {
            return;
        }
        List<Double> costs = new ArrayList<>();
        for (int i : eligibleIdx) {
            boolean has = niche ? CoverageModel.contains(m.nichesOf[i], q) : m.platformOf[i] == q;
            if (has) {
                costs.add(m.cost[i]);
            }
        }
        if (costs.size() < min) {
            throw new PlanningException(
                    field + ".min", "needs " + min + " creators but only " + costs.size() + " eligible creators match");
        }
        costs.sort(Double::compare);
        double c = 0;
        for (int i = 0; i < min; i++) {
            c += costs.get(i);
        }
        if (c > m.budget + CoverageModel.EPS) {
            throw new PlanningException(
                    field + ".min",
                    "the " + min + " cheapest matching creators cost " + CoverageModel.fmt(c)
                            + ", more than the budget " + CoverageModel.fmt(m.budget));
        }
    }
}
