package io.microreach.planner;

import io.microreach.forecast.DeliverableForecast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs an allocator and explains its answer: each chosen creator's marginal contribution and reason, why the best
 * other candidates were not chosen, and the alternatives that show what diversification buys — the best single
 * creator of any size within the budget, and the naive plan that takes the creators with the most followers while
 * they fit.
 */
public final class CampaignPlanner {
    private static final int REJECTED_SHOWN = 25;
    private static final double OVERLAP_REASON = 0.2;

    private final BudgetAllocator allocator;

    public CampaignPlanner(BudgetAllocator allocator) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
    }

    public Plan plan(PlanProblem problem) {
        // One coverage model for the allocation and the explanation (building it is most of a large plan's time).
        CoverageModel m = new CoverageModel(problem);
        Allocation a;
        if (allocator instanceof LazyGreedyAllocator g) {
            a = g.allocate(m);
        } else if (allocator instanceof ExactAllocator e) {
            a = e.allocate(m);
        } else {
            a = allocator.allocate(problem);
        }
        List<Integer> chosen = a.chosenIds().stream().map(m.indexOf::get).toList();
        PlanSummary main = summary(m, "plan", chosen, true);
        List<PlanSummary> alternatives = new ArrayList<>();
        bestSingle(m).ifPresent(i -> alternatives.add(summary(m, "best single creator", List.of(i), false)));
        alternatives.add(summary(m, "top followers", topFollowers(m), false));
        return new Plan(
                main,
                problem.objective(),
                problem.budget(),
                problem.currency(),
                main.objectiveValue(),
                a.guarantee(),
                a.evaluations(),
                rejected(m, chosen),
                alternatives);
    }

    private PlanSummary summary(CoverageModel m, String name, List<Integer> chosen, boolean explain) {
        CoverageModel.State s = m.new State();
        List<PlannedCreator> out = new ArrayList<>();
        DeliverableForecast total = DeliverableForecast.empty();
        int step = 0;
        for (int c : chosen) {
            double gain = s.gain(c);
            String reason;
            if (!explain) {
                reason = name;
            } else if (contains(m.mustInclude, c)) {
                reason = "must include";
            } else {
                step++;
                reason = "step " + step + ": best " + m.problem.objective().id()
                        + " gain per cost among those that fit (+"
                        + CoverageModel.fmt(round(gain)) + " for " + CoverageModel.fmt(m.cost[c]) + " "
                        + m.problem.currency() + ")";
            }
            s.add(c);
            PlanCandidate pc = m.byIndex.get(c);
            out.add(new PlannedCreator(
                    pc.id(), pc.handle(), pc.platform(), pc.cost(), pc.price(), pc.forecast(), gain, reason));
            if (pc.forecast() != null) {
                total = total.plus(pc.forecast());
            }
        }
        return new PlanSummary(name, out, s.spent, s.value, total);
    }

    private static java.util.Optional<Integer> bestSingle(CoverageModel m) {
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        CoverageModel.State empty = m.new State();
        for (int c = 0; c < m.n; c++) {
            boolean allowed = !m.problem
                            .constraints()
                            .excluded()
                            .contains(m.byIndex.get(c).id())
                    && m.cost[c] <= m.budget + 1e-9
                    && (m.problem.constraints().minTrustScore() == null
                            || (m.byIndex.get(c).trustScore() != null
                                    && m.byIndex.get(c).trustScore()
                                            >= m.problem.constraints().minTrustScore()));
            if (!allowed) {
                continue;
            }
            double v = empty.gain(c);
            if (v > bestValue) {
                bestValue = v;
                best = c;
            }
        }
        return best < 0 ? java.util.Optional.empty() : java.util.Optional.of(best);
    }

    private static List<Integer> topFollowers(CoverageModel m) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < m.n; c++) {
            if (m.eligible[c]) {
                order.add(c);
            }
        }
        order.sort(Comparator.comparingLong((Integer c) -> -m.byIndex.get(c).followers())
                .thenComparingInt(c -> c));
        List<Integer> out = new ArrayList<>();
        double spent = 0;
        for (int c : order) {
            if (out.size() >= m.maxCreators) {
                break;
            }
            if (spent + m.cost[c] <= m.budget + 1e-9) {
                out.add(c);
                spent += m.cost[c];
            }
        }
        return out;
    }

    private List<RejectedCreator> rejected(CoverageModel m, List<Integer> chosen) {
        CoverageModel.State s = m.new State();
        chosen.forEach(s::add);
        CoverageModel.State empty = m.new State();
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < m.n; c++) {
            if (!s.chosen[c]) {
                others.add(c);
            }
        }
        double[] alone = new double[m.n];
        for (int c : others) {
            alone[c] = empty.gain(c);
        }
        others.sort(Comparator.comparingDouble((Integer c) -> -alone[c] / Math.max(m.cost[c], 1e-9))
                .thenComparingInt(c -> c));
        List<RejectedCreator> out = new ArrayList<>();
        for (int c : others.subList(0, Math.min(REJECTED_SHOWN, others.size()))) {
            PlanCandidate pc = m.byIndex.get(c);
            out.add(new RejectedCreator(pc.id(), pc.handle(), reason(m, s, c, chosen, alone[c])));
        }
        return out;
    }

    private static String reason(CoverageModel m, CoverageModel.State s, int c, List<Integer> chosen, double alone) {
        if (!m.eligible[c]) {
            return m.ineligibleReason[c];
        }
        if (s.spent + m.cost[c] > m.budget + 1e-9) {
            return "over budget (costs " + CoverageModel.fmt(m.cost[c]) + ", " + CoverageModel.fmt(m.budget - s.spent)
                    + " left)";
        }
        if (s.size() >= m.maxCreators) {
            return "max creators reached (" + m.maxCreators + ")";
        }
        if (!s.canAdd(c)) {
            return "a quota maximum for its platform or niche is reached";
        }
        int worst = -1;
        double share = 0;
        for (int d : chosen) {
            double sh = m.sharedShare(c, d);
            if (sh > share) {
                share = sh;
                worst = d;
            }
        }
        double gain = s.gain(c);
        if (worst >= 0 && share >= OVERLAP_REASON) {
            return "overlap " + Math.round(share * 100) + "% with @"
                    + m.byIndex.get(worst).handle() + " (adds " + CoverageModel.fmt(round(gain)) + " instead of "
                    + CoverageModel.fmt(round(alone)) + ")";
        }
        if (gain <= 0) {
            return "adds nothing to " + m.problem.objective().id();
        }
        return "lower gain per cost than the chosen creators (+" + CoverageModel.fmt(round(gain)) + " for "
                + CoverageModel.fmt(m.cost[c]) + ")";
    }

    private static boolean contains(int[] a, int v) {
        return CoverageModel.contains(a, v);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
