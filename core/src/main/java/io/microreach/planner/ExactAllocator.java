package io.microreach.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact optimum for small instances by depth-first branch and bound, used to check the greedy.
 *
 * <p>Creators are branched in order of their stand-alone gain per cost (include first, then exclude). The bound at a
 * node with plan S uses submodularity: f(S ∪ T) ≤ f(S) + Σ_{t ∈ T} Δ(t | S), so the best completion is at most f(S)
 * plus the fractional knapsack of the remaining creators' current marginal gains Δ(t | S) (only positive ones) in the
 * remaining budget, and at most the sum of the largest (maxCreators − |S|) of them. Quota and count minimums are
 * checked at the leaves (the bound ignores them, so it stays valid). No OR-Tools: a MIP/CP model of coverage needs a
 * variable per audience element, and the solver adds over 100 MB of native code; this search is enough for the
 * ≤ 40-creator instances it checks. It gives up with an error after {@code maxNodes} nodes.
 */
public final class ExactAllocator implements BudgetAllocator {
    private final long maxNodes;

    public ExactAllocator() {
        this(50_000_000L);
    }

    public ExactAllocator(long maxNodes) {
        this.maxNodes = maxNodes;
    }

    @Override
    public Allocation allocate(PlanProblem problem) {
        return allocate(new CoverageModel(problem));
    }

    Allocation allocate(CoverageModel m) {
        PlanProblem problem = m.problem;
        CoverageModel.State s = m.initialWithMustIncludes();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < m.n; i++) {
            if (m.eligible[i] && !s.chosen[i]) {
                order.add(i);
            }
        }
        order.sort((a, b) -> {
            int c = Double.compare(s.gain(b) / Math.max(m.cost[b], 1e-9), s.gain(a) / Math.max(m.cost[a], 1e-9));
            return c != 0 ? c : Integer.compare(a, b);
        });
        Search search = new Search(m, order.stream().mapToInt(Integer::intValue).toArray());
        // The greedy plan is a good incumbent to start pruning from.
        try {
            Allocation g = new LazyGreedyAllocator(true, 1).allocate(m);
            search.bestValue = g.value();
            search.bestIds = g.chosenIds();
        } catch (PlanningException e) {
            // no feasible greedy plan; the search decides
        }
        search.dfs(s, 0);
        if (search.bestIds == null) {
            String unmet = s.unmetMinimum();
            throw new PlanningException(
                    unmet == null ? "constraints" : unmet,
                    "no plan within the budget of " + CoverageModel.fmt(problem.budget()) + " meets it");
        }
        double cost = 0;
        for (String id : search.bestIds) {
            cost += m.cost[m.indexOf.get(id)];
        }
        return new Allocation(
                search.bestIds, search.bestValue, cost, search.nodes, "exact optimum (branch and bound)", 1.0);
    }

    private final class Search {
        final CoverageModel m;
        final int[] order;
        long nodes;
        double bestValue = Double.NEGATIVE_INFINITY;
        List<String> bestIds;

        Search(CoverageModel m, int[] order) {
            this.m = m;
            this.order = order;
        }

        void dfs(CoverageModel.State s, int depth) {
            if (++nodes > maxNodes) {
                throw new PlanningException(
                        "candidates", "too large for the exact solver (over " + maxNodes + " search nodes)");
            }
            if (s.unmetMinimum() == null) {
                double tol = 1e-9 * Math.max(1, Math.abs(bestValue));
                if (s.value > bestValue + tol || (s.value > bestValue - tol && smaller(s.ids(), bestIds))) {
                    bestValue = s.value;
                    bestIds = List.copyOf(s.ids());
                }
            }
            if (depth == order.length || s.size() >= m.maxCreators) {
                return;
            }
            if (bestIds != null && bound(s, depth) <= bestValue + 1e-9 * Math.max(1, Math.abs(bestValue))) {
                return;
            }
            int c = order[depth];
            if (s.canAdd(c)) {
                double g = s.gain(c);
                double[] saved = s.add(c);
                dfs(s, depth + 1);
                s.remove(c, saved, g);
            }
            dfs(s, depth + 1);
        }

        double bound(CoverageModel.State s, int depth) {
            int k = order.length - depth;
            double[] gain = new double[k];
            double[] cost = new double[k];
            int j = 0;
            for (int d = depth; d < order.length; d++) {
                int c = order[d];
                if (!s.canAdd(c)) {
                    continue;
                }
                double g = s.gain(c);
                if (g > 0) {
                    gain[j] = g;
                    cost[j] = m.cost[c];
                    j++;
                }
            }
            if (j == 0) {
                return s.value;
            }
            Integer[] idx = new Integer[j];
            for (int i = 0; i < j; i++) {
                idx[i] = i;
            }
            Arrays.sort(
                    idx,
                    (a, b) -> Double.compare(gain[b] / Math.max(cost[b], 1e-12), gain[a] / Math.max(cost[a], 1e-12)));
            double left = m.budget - s.spent;
            double frac = 0;
            for (int i : idx) {
                if (cost[i] <= left) {
                    frac += gain[i];
                    left -= cost[i];
                } else {
                    frac += gain[i] * (left / cost[i]);
                    break;
                }
            }
            int slots = m.maxCreators - s.size();
            if (slots < j) {
                double[] sorted = Arrays.copyOf(gain, j);
                Arrays.sort(sorted);
                double top = 0;
                for (int i = 0; i < slots; i++) {
                    top += sorted[j - 1 - i];
                }
                frac = Math.min(frac, top);
            }
            return s.value + frac;
        }

        private boolean smaller(List<String> a, List<String> b) {
            if (b == null) {
                return true;
            }
            return String.join("\u0000", a.stream().sorted().toList())
                            .compareTo(String.join("\u0000", b.stream().sorted().toList()))
                    < 0;
        }
    }
}
