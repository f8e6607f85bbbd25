package io.microreach.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Greedy by marginal gain per cost with Minoux's lazy evaluation, plus partial enumeration of small seed sets.
 *
 * <p><b>Algorithm.</b> For each seed set (all subsets of at most {@code seedSize} eligible creators, together with the
 * must-includes), first satisfy quota and creator-count minimums greedily (best gain per cost among the creators that
 * help), then repeatedly add the creator with the highest marginal gain per cost that still fits the budget, the
 * creator count and the quota maximums, until none fits or the best gain is ≤ 0. The best plan over all seeds wins
 * (ties: the lexicographically smallest list of ids). Lazy evaluation (Minoux 1978): marginal gains of a submodular
 * function only shrink as the plan grows, so a priority queue of stale gains is an upper bound; only the top entry is
 * re-evaluated, and when a fresh entry stays on top it is the true best. Ties break by id in both the queue and the
 * plain loop, so lazy and plain greedy return the same plan (a test checks this) with far fewer evaluations.
 *
 * <p><b>Guarantee</b> (for the monotone objectives, engaged reach and conversions, under the budget constraint; must-
 * includes are fine because f(S ∪ M) − f(M) is again monotone submodular):
 * <ul>
 *   <li>seeds of size ≤ 3 enumerated (when 1 + n + C(n,2) + C(n,3) ≤ {@code maxSeedSets}, n = eligible creators): the
 *       optimal 1 − 1/e ≈ 0.632 (Sviridenko 2004, "A note on maximizing a submodular set function subject to a
 *       knapsack constraint");
 *   <li>otherwise seeds of size ≤ 1 (or only the empty seed plus the best single creator): (1 − 1/e)/2 ≈ 0.316, the
 *       bound of the best of greedy and the best single element (Khuller, Moss &amp; Naor 1999; Leskovec et al. 2007).
 *       In the largest pools the {@link #LARGE_POOL_SEEDS} creators with the largest stand-alone value are also tried
 *       as seeds; more candidate plans never lower a bound.
 * </ul>
 * With a maximum creator count below n, quotas or minimums the instance has several constraints and no bound is
 * claimed; with profit (not monotone) neither. The {@link ExactAllocator} checks the gap on small instances (see the
 * planner benchmark).
 */
public final class LazyGreedyAllocator implements BudgetAllocator {
    public static final int DEFAULT_MAX_SEED_SETS = 12_000;

    /**
     * Seeds tried in a pool too large for enumeration: the creators with the largest stand-alone value. The per-cost
     * greedy fills the budget with small, cheap accounts before a large good-value one comes up, and the best single
     * creator alone leaves the rest of the budget unused; seeding with each of the largest gives the plans in between
     * (one large creator plus the best small ones) at the cost of a few more greedy runs.
     */
    static final int LARGE_POOL_SEEDS = 8;

    private final boolean lazy;
    private final int maxSeedSets;

    public LazyGreedyAllocator() {
        this(true, DEFAULT_MAX_SEED_SETS);
    }

    /**
     * @param lazy false for the plain greedy (every gain re-evaluated each step), kept for tests and the benchmark
     * @param maxSeedSets the most seed sets to enumerate before falling back to smaller seeds
     */
    public LazyGreedyAllocator(boolean lazy, int maxSeedSets) {
        this.lazy = lazy;
        this.maxSeedSets = maxSeedSets;
    }

    @Override
    public Allocation allocate(PlanProblem problem) {
        return allocate(new CoverageModel(problem));
    }

    Allocation allocate(CoverageModel m) {
        PlanProblem problem = m.problem;
        CoverageModel.State base = m.initialWithMustIncludes();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < m.n; i++) {
            if (m.eligible[i] && !base.chosen[i]) {
                free.add(i);
            }
        }
        long f = free.size();
        long seeds3 = 1 + f + f * (f - 1) / 2 + f * (f - 1) * (f - 2) / 6;
        // Work is about seeds × n gain evaluations: size-1 seeds only while that stays within what full enumeration
        // of a 41-creator instance costs, so 10,000 candidates fall back to greedy + best single.
        int seedSize = seeds3 <= maxSeedSets ? 3 : ((1 + f) * f <= (long) maxSeedSets * 41 ? 1 : 0);
        long[] evaluations = {0};
        Result best = null;
        String failure = null;
        List<int[]> seeds = seeds(free, seedSize);
        if (seedSize == 0) {
            seeds.addAll(largestSingles(base, free, evaluations));
        }
        for (int[] seed : seeds) {
            CoverageModel.State s = m.new State(base);
            boolean ok = true;
            for (int c : seed) {
                if (!s.canAdd(c)) {
                    ok = false;
                    break;
                }
                evaluations[0]++;
                s.add(c);
            }
            if (!ok) {
                continue;
            }
            String unmet = complete(m, s, evaluations, true);
            if (unmet != null) {
                failure = failure == null ? unmet : failure;
                continue;
            }
            Result r = new Result(s.ids(), s.value, s.spent);
            if (best == null || r.betterThan(best)) {
                best = r;
            }
        }
        // Greedy by plain marginal gain (ignoring cost) as one more candidate plan: under a creator-count cap the
        // per-cost greedy fills the slots with cheap small creators, the gain greedy with the strongest ones; taking
        // the better of the two only adds candidates, so every guarantee above still holds.
        CoverageModel.State byGain = m.new State(base);
        if (complete(m, byGain, evaluations, false) == null) {
            Result r = new Result(byGain.ids(), byGain.value, byGain.spent);
            if (best == null || r.betterThan(best)) {
                best = r;
            }
        }
        if (seedSize == 0) {
            // Best single creator alongside the greedy plan: the (1 − 1/e)/2 fallback.
            for (int c : free) {
                if (!base.canAdd(c)) {
                    continue;
                }
                evaluations[0]++;
                double g = base.gain(c);
                double[] saved = base.add(c);
                if (base.unmetMinimum() == null) {
                    Result r = new Result(base.ids(), base.value, base.spent);
                    if (best == null || r.betterThan(best)) {
                        best = r;
                    }
                }
                base.remove(c, saved, g);
            }
        }
        if (best == null) {
            throw new PlanningException(
                    failure == null ? "constraints" : failure,
                    "no plan within the budget of " + CoverageModel.fmt(problem.budget()) + " meets it");
        }
        return new Allocation(
                best.ids,
                best.value,
                best.cost,
                evaluations[0],
                guarantee(m, seedSize, free.size()),
                guaranteedShare(m, seedSize));
    }

    private static Double guaranteedShare(CoverageModel m, int seedSize) {
        if (m.problem.objective() == Objective.PROFIT
                || m.problem.constraints().hasSideConstraints(m.eligibleCountInt())) {
            return null;
        }
        double e = 1 - 1 / Math.E;
        return seedSize == 3 ? e : e / 2;
    }

    private String guarantee(CoverageModel m, int seedSize, int free) {
        if (m.problem.objective() == Objective.PROFIT) {
            return "none: profit subtracts cost, so it is not monotone; lazy greedy"
                    + (seedSize > 0 ? " with seeds of size <= " + seedSize : "") + " as a heuristic";
        }
        if (m.problem.constraints().hasSideConstraints(m.eligibleCountInt())) {
            return "none proven: creator-count or quota constraints on top of the budget; lazy greedy"
                    + (seedSize > 0 ? " with seeds of size <= " + seedSize : "") + " as a heuristic";
        }
        if (seedSize == 3) {
            return "1 - 1/e (0.632) of the optimum: partial enumeration of seeds of size <= 3 plus lazy greedy"
                    + " (Sviridenko 2004), budget constraint";
        }
        return "(1 - 1/e)/2 (0.316) of the optimum: best of lazy greedy and the best single creator (" + free
                + " eligible creators exceed the " + maxSeedSets + " seed sets of full enumeration)";
    }

    /** The {@link #LARGE_POOL_SEEDS} free creators with the largest stand-alone gain, each as a seed of its own. */
    private static List<int[]> largestSingles(CoverageModel.State base, List<Integer> free, long[] evaluations) {
        double[] gain = new double[free.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < free.size(); i++) {
            order.add(i);
            gain[i] = base.canAdd(free.get(i)) ? base.gain(free.get(i)) : Double.NEGATIVE_INFINITY;
            evaluations[0]++;
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -gain[i]).thenComparingInt(i -> free.get(i)));
        List<int[]> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(LARGE_POOL_SEEDS, order.size()))) {
            if (gain[i] > 0) {
                out.add(new int[] {free.get(i)});
            }
        }
        return out;
    }

    private static List<int[]> seeds(List<Integer> free, int size) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        int f = free.size();
        if (size >= 1) {
            for (int a = 0; a < f; a++) {
                out.add(new int[] {free.get(a)});
            }
        }
        if (size >= 2) {
            for (int a = 0; a < f; a++) {
                for (int b = a + 1; b < f; b++) {
                    out.add(new int[] {free.get(a), free.get(b)});
                }
            }
        }
        if (size >= 3) {
            for (int a = 0; a < f; a++) {
                for (int b = a + 1; b < f; b++) {
                    for (int c = b + 1; c < f; c++) {
                        out.add(new int[] {free.get(a), free.get(b), free.get(c)});
                    }
                }
            }
        }
        return out;
    }

    /** Completes a seed: minimums first, then the greedy; returns the unmet constraint or null. */
    private String complete(CoverageModel m, CoverageModel.State s, long[] evaluations, boolean perCost) {
        while (s.quotaMinimaUnmet()) {
            int pick = bestPlain(m, s, evaluations, true, true, perCost);
            if (pick < 0) {
                return s.unmetMinimum();
            }
            s.add(pick);
        }
        while (s.size() < m.minCreators) {
            int pick = bestPlain(m, s, evaluations, false, true, perCost);
            if (pick < 0) {
                return "constraints.minCreators";
            }
            s.add(pick);
        }
        if (lazy) {
            lazyGreedy(m, s, evaluations, perCost);
        } else {
            while (true) {
                int pick = bestPlain(m, s, evaluations, false, false, perCost);
                if (pick < 0) {
                    break;
                }
                s.add(pick);
            }
        }
        return s.unmetMinimum();
    }

    private static double ratio(CoverageModel m, int c, double gain, boolean perCost) {
        return perCost ? gain / Math.max(m.cost[c], 1e-9) : gain;
    }

    /** Plain greedy step: the best gain per cost among addable creators; -1 if none (or none with gain > 0). */
    private static int bestPlain(
            CoverageModel m,
            CoverageModel.State s,
            long[] evaluations,
            boolean quotaHelpersOnly,
            boolean anyGain,
            boolean perCost) {
        int best = -1;
        double bestRatio = Double.NEGATIVE_INFINITY;
        double bestGain = 0;
        for (int c = 0; c < m.n; c++) {
            if (!s.canAdd(c) || (quotaHelpersOnly && !s.helpsUnmetQuota(c))) {
                continue;
            }
            double g = s.gain(c);
            evaluations[0]++;
            double r = ratio(m, c, g, perCost);
            if (r > bestRatio) {
                bestRatio = r;
                best = c;
                bestGain = g;
            }
        }
        if (best >= 0 && !anyGain && bestGain <= 0) {
            return -1;
        }
        return best;
    }

    private record Entry(double ratio, double gain, int c, int round) {}

    private static void lazyGreedy(CoverageModel m, CoverageModel.State s, long[] evaluations, boolean perCost) {
        PriorityQueue<Entry> pq = new PriorityQueue<>(
                Comparator.comparingDouble((Entry e) -> -e.ratio).thenComparingInt(e -> e.c));
        int round = 0;
        for (int c = 0; c < m.n; c++) {
            if (s.canAdd(c)) {
                double g = s.gain(c);
                evaluations[0]++;
                pq.add(new Entry(ratio(m, c, g, perCost), g, c, round));
            }
        }
        while (!pq.isEmpty()) {
            Entry top = pq.poll();
            if (!s.canAdd(top.c)) {
                continue; // budget, count and quota maxima only tighten: it never fits again
            }
            if (top.round != round) {
                double g = s.gain(top.c);
                evaluations[0]++;
                pq.add(new Entry(ratio(m, top.c, g, perCost), g, top.c, round));
                continue;
            }
            if (top.gain <= 0) {
                break;
            }
            s.add(top.c);
            round++;
        }
    }

    private record Result(List<String> ids, double value, double cost) {
        boolean betterThan(Result o) {
            double tol = 1e-9 * Math.max(1, Math.abs(o.value));
            if (value > o.value + tol) {
                return true;
            }
            if (value < o.value - tol) {
                return false;
            }
            List<String> a = ids.stream().sorted().toList();
            List<String> b = o.ids.stream().sorted().toList();
            return String.join("\u0000", a).compareTo(String.join("\u0000", b)) < 0;
        }
    }
}
