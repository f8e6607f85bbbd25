package io.microreach.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objective as a weighted probabilistic coverage function, plus the constraints in index form.
 *
 * <p><b>Definition.</b> The audience universe is the set of audience-sketch hashes of all candidates, aligned on the
 * smallest theta among them (a hash below that theta is a uniform sample of the union of all audiences, so counts
 * scale by 1/theta). Element e stands for w_e people: each candidate c holding it stands for N_c / n_c people per
 * retained hash (N_c its audience, n_c its hashes below the common theta), and w_e is the mean over the candidates
 * holding e (fixed per element, which keeps the function submodular). A candidate without a sketch gets one private
 * element of weight N_c. Candidate c reaches each of its elements' people and each of them engages (or converts)
 * independently with probability x_c. The value of a set S is
 *
 * <pre>  f(S) = scale · Σ_e w_e · (1 − Π_{c ∈ S, e ∈ E_c} (1 − x_c))  [− cost(S) for profit]</pre>
 *
 * the expected number of distinct people who engage (convert) at least once. One creator alone gives
 * N_c · x_c (its forecast engagements); two creators sharing an audience get less than the sum. A weighted coverage
 * function is monotone and submodular (Krause &amp; Golovin 2014, "Submodular function maximization"), which is what
 * the greedy guarantee needs; subtracting the linear cost (profit) keeps submodularity but loses monotonicity.
 *
 * <p><b>Limits.</b> With full id sets (commenters, complete follower lists, the benchmark's synthetic audiences) this
 * is the exact expected coverage up to sketch error. With small independent follower samples, two creators' shared
 * followers rarely land in both samples (see {@link io.microreach.audience.AudienceSketch}), so the model sees less
 * overlap than there is and slightly overstates the reach of diversified plans; the pairwise overlaps shown with a
 * plan use the scaled estimator instead.
 */
final class CoverageModel {
    final PlanProblem problem;
    final List<PlanCandidate> byIndex; // sorted by id: index order is the tie-break order
    final Map<String, Integer> indexOf;
    final int n;
    final double[] cost;
    final double[] x;
    final int[][] elements;
    final double[] weight;
    final double scale;
    final boolean subtractCost;
    final boolean[] eligible;
    final String[] ineligibleReason;
    /** Candidates that fall short of the evidence minimum (a subset of the ineligible ones). */
    final boolean[] lacksEvidence;

    final int[] mustInclude;
    final int[] platformOf;
    final List<String> platformKeys;
    final int[][] nichesOf;
    final List<String> nicheKeys;
    final int[] platformMin;
    final int[] platformMax;
    final int[] nicheMin;
    final int[] nicheMax;
    final int minCreators;
    final int maxCreators;
    final double budget;

    /** Slack for comparing sums of costs with the budget. */
    static final double EPS = 1e-9;

    CoverageModel(PlanProblem problem) {
        this.problem = problem;
        PlanFeasibility.validate(problem);
        PlanConstraints k = problem.constraints();
        this.budget = problem.budget();
        this.byIndex = problem.candidates().stream()
                .sorted(Comparator.comparing(PlanCandidate::id))
                .toList();
        this.n = byIndex.size();
        this.indexOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (indexOf.put(byIndex.get(i).id(), i) != null) {
                throw new PlanningException(
                        "candidates", "creator id " + byIndex.get(i).id() + " appears twice");
            }
        }
        this.cost = new double[n];
        this.x = new double[n];
        Objective objective = problem.objective();
        for (int i = 0; i < n; i++) {
            PlanCandidate c = byIndex.get(i);
            cost[i] = c.cost();
            x[i] = objective == Objective.ENGAGED_REACH ? c.engagementProbability() : c.conversionProbability();
        }
        this.scale = objective == Objective.PROFIT ? problem.valuePerConversion() : 1.0;
        this.subtractCost = objective == Objective.PROFIT;
        this.elements = new int[n][];
        List<Double> weights = CoverageElements.build(byIndex, elements);
        this.weight = weights.stream().mapToDouble(Double::doubleValue).toArray();

        // Keys for quotas: every platform/niche that appears on a candidate or in a quota.
        Map<String, Integer> pk = new TreeMap<>();
        Map<String, Integer> nk = new TreeMap<>();
        byIndex.forEach(c -> {
            pk.putIfAbsent(c.platform().id(), 0);
            c.niches().forEach(s -> nk.putIfAbsent(s, 0));
        });
        k.platformQuotas().keySet().forEach(s -> pk.putIfAbsent(s, 0));
        k.nicheQuotas().keySet().forEach(s -> nk.putIfAbsent(s, 0));
        this.platformKeys = List.copyOf(pk.keySet());
        this.nicheKeys = List.copyOf(nk.keySet());
        this.platformOf = new int[n];
        this.nichesOf = new int[n][];
        for (int i = 0; i < n; i++) {
            PlanCandidate c = byIndex.get(i);
            platformOf[i] = platformKeys.indexOf(c.platform().id());
            nichesOf[i] = c.niches().stream().mapToInt(nicheKeys::indexOf).toArray();
        }
        this.platformMin = new int[platformKeys.size()];
        this.platformMax = new int[platformKeys.size()];
        Arrays.fill(platformMax, Integer.MAX_VALUE);
        k.platformQuotas().forEach((p, q) -> {
            platformMin[platformKeys.indexOf(p)] = q.min();
            platformMax[platformKeys.indexOf(p)] = q.max();
        });
        this.nicheMin = new int[nicheKeys.size()];
        this.nicheMax = new int[nicheKeys.size()];
        Arrays.fill(nicheMax, Integer.MAX_VALUE);
        k.nicheQuotas().forEach((s, q) -> {
            nicheMin[nicheKeys.indexOf(s)] = q.min();
            nicheMax[nicheKeys.indexOf(s)] = q.max();
        });
        this.minCreators = k.minCreators();
        this.maxCreators = k.maxCreators();

        this.eligible = new boolean[n];
        this.ineligibleReason = new String[n];
        this.lacksEvidence = new boolean[n];
        for (int i = 0; i < n; i++) {
            ineligibleReason[i] = PlanFeasibility.ineligibility(byIndex.get(i), k, budget);
            eligible[i] = ineligibleReason[i] == null;
            lacksEvidence[i] =
                    !k.excluded().contains(byIndex.get(i).id()) && k.evidence().shortfall(byIndex.get(i)) != null;
        }
        this.mustInclude = k.mustInclude().stream()
                .mapToInt(this::indexOrThrowMust)
                .sorted()
                .toArray();
        PlanFeasibility.check(this);
    }

    private int indexOrThrowMust(String id) {
        Integer i = indexOf.get(id);
        if (i == null) {
            throw new PlanningException("constraints.mustInclude", "unknown creator " + id);
        }
        if (!eligible[i]) {
            throw new PlanningException("constraints.mustInclude", id + " cannot be included: " + ineligibleReason[i]);
        }
        return i;
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Mutable search state: the chosen set and each element's probability of not being covered yet. */
    final class State {
        final double[] miss;
        final boolean[] chosen;
        final int[] platformCount;
        final int[] nicheCount;
        final List<Integer> order = new ArrayList<>();
        double value;
        double spent;

        State() {
            miss = new double[weight.length];
            Arrays.fill(miss, 1.0);
            chosen = new boolean[n];
            platformCount = new int[platformKeys.size()];
            nicheCount = new int[nicheKeys.size()];
        }

        State(State o) {
            miss = o.miss.clone();
            chosen = o.chosen.clone();
            platformCount = o.platformCount.clone();
            nicheCount = o.nicheCount.clone();
            order.addAll(o.order);
            value = o.value;
            spent = o.spent;
        }

        double gain(int c) {
            double s = 0;
            for (int e : elements[c]) {
                s += weight[e] * miss[e];
            }
            double g = scale * x[c] * s;
            return subtractCost ? g - cost[c] : g;
        }

        /** Adds c; returns the element probabilities it replaced, for {@link #remove}. */
        double[] add(int c) {
            double g = gain(c);
            int[] es = elements[c];
            double[] saved = new double[es.length];
            for (int j = 0; j < es.length; j++) {
                saved[j] = miss[es[j]];
                miss[es[j]] *= 1 - x[c];
            }
            chosen[c] = true;
            order.add(c);
            value += g;
            spent += cost[c];
            platformCount[platformOf[c]]++;
            for (int q : nichesOf[c]) {
                nicheCount[q]++;
            }
            return saved;
        }

        void remove(int c, double[] saved, double g) {
            int[] es = elements[c];
            for (int j = es.length - 1; j >= 0; j--) {
                miss[es[j]] = saved[j];
            }
            chosen[c] = false;
            order.remove(order.size() - 1);
            value -= g;
            spent -= cost[c];
            platformCount[platformOf[c]]--;
            for (int q : nichesOf[c]) {
                nicheCount[q]--;
            }
        }

        int size() {
            return order.size();
        }

        /** Whether c may be added without breaking the budget, the creator count or a quota maximum. */
        boolean canAdd(int c) {
            if (chosen[c] || !eligible[c] || spent + cost[c] > budget + EPS || order.size() >= maxCreators) {
                return false;
            }
            if (platformCount[platformOf[c]] >= platformMax[platformOf[c]]) {
                return false;
            }
            for (int q : nichesOf[c]) {
                if (nicheCount[q] >= nicheMax[q]) {
                    return false;
                }
            }
            return true;
        }

        /** The first unmet minimum, as a constraint name, or null when all are met. */
        String unmetMinimum() {
            for (int q = 0; q < nicheKeys.size(); q++) {
                if (nicheCount[q] < nicheMin[q]) {
                    return "constraints.nicheQuotas." + nicheKeys.get(q) + ".min";
                }
            }
            for (int q = 0; q < platformKeys.size(); q++) {
                if (platformCount[q] < platformMin[q]) {
                    return "constraints.platformQuotas." + platformKeys.get(q) + ".min";
                }
            }
            if (order.size() < minCreators) {
                return "constraints.minCreators";
            }
            return null;
        }

        /** Whether c helps meet an unmet quota minimum. */
        boolean helpsUnmetQuota(int c) {
            if (platformCount[platformOf[c]] < platformMin[platformOf[c]]) {
                return true;
            }
            for (int q : nichesOf[c]) {
                if (nicheCount[q] < nicheMin[q]) {
                    return true;
                }
            }
            return false;
        }

        boolean quotaMinimaUnmet() {
            for (int q = 0; q < nicheKeys.size(); q++) {
                if (nicheCount[q] < nicheMin[q]) {
                    return true;
                }
            }
            for (int q = 0; q < platformKeys.size(); q++) {
                if (platformCount[q] < platformMin[q]) {
                    return true;
                }
            }
            return false;
        }

        List<String> ids() {
            return order.stream().map(i -> byIndex.get(i).id()).toList();
        }
    }

    State initialWithMustIncludes() {
        State s = new State();
        for (int m : mustInclude) {
            s.add(m);
        }
        return s;
    }

    /** Value of a set of indices, added in the given order. */
    double value(List<Integer> set) {
        State s = new State();
        set.forEach(s::add);
        return s.value;
    }

    /** Share of c's audience weight also held by d (in the coverage model). */
    double sharedShare(int c, int d) {
        int[] a = elements[c];
        int[] b = elements[d];
        double both = 0;
        double all = 0;
        int j = 0;
        int[] bs = b.clone();
        Arrays.sort(bs);
        for (int e : a) {
            all += weight[e];
            if (Arrays.binarySearch(bs, e) >= 0) {
                both += weight[e];
            }
        }
        return all == 0 ? 0 : both / all;
    }

    Map<String, Integer> eligibleCount() {
        Map<String, Integer> m = new LinkedHashMap<>();
        int e = 0;
        for (boolean b : eligible) {
            e += b ? 1 : 0;
        }
        m.put("eligible", e);
        return m;
    }

    int eligibleCountInt() {
        int e = 0;
        for (boolean b : eligible) {
            e += b ? 1 : 0;
        }
        return e;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
