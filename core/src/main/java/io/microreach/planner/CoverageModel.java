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

    private static final double EPS = 1e-9;

    CoverageModel(PlanProblem problem) {
        this.problem = problem;
        validate(problem);
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
        List<Double> weights = buildElements();
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
        for (int i = 0; i < n; i++) {
            ineligibleReason[i] = ineligibility(byIndex.get(i), k);
            eligible[i] = ineligibleReason[i] == null;
        }
        this.mustInclude = k.mustInclude().stream()
                .mapToInt(this::indexOrThrowMust)
                .sorted()
                .toArray();
        checkFeasibility();
    }

    private static void validate(PlanProblem p) {
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

    private String ineligibility(PlanCandidate c, PlanConstraints k) {
        if (k.excluded().contains(c.id())) {
            return "excluded";
        }
        if (k.minTrustScore() != null) {
            if (c.trustScore() == null) {
                return "no trust score (minTrustScore " + fmt(k.minTrustScore()) + ")";
            }
            if (c.trustScore() < k.minTrustScore()) {
                return "below min trust (" + fmt(c.trustScore()) + " < " + fmt(k.minTrustScore()) + ")";
            }
        }
        if (c.cost() > budget + EPS) {
            return "over budget (costs " + fmt(c.cost()) + " > budget " + fmt(budget) + ")";
        }
        if (c.cost() > k.maxBudgetShare() * budget + EPS) {
            return "over max budget share (costs " + fmt(c.cost()) + " > " + fmt(k.maxBudgetShare()) + " × budget)";
        }
        Quota pq = k.platformQuotas().get(c.platform().id());
        if (pq != null && pq.max() == 0) {
            return "platform " + c.platform().id() + " has quota max 0";
        }
        return null;
    }

    private void checkFeasibility() {
        PlanConstraints k = problem.constraints();
        for (String id : k.excluded()) {
            if (!indexOf.containsKey(id)) {
                throw new PlanningException("constraints.excluded", "unknown creator " + id);
            }
        }
        double mustCost = 0;
        for (int m : mustInclude) {
            mustCost += cost[m];
        }
        if (mustCost > budget + EPS) {
            throw new PlanningException(
                    "budget",
                    "the must-include creators cost " + fmt(mustCost) + ", more than the budget " + fmt(budget));
        }
        if (mustInclude.length > maxCreators) {
            throw new PlanningException(
                    "constraints.maxCreators",
                    mustInclude.length + " must-include creators but at most " + maxCreators + " creators");
        }
        List<Integer> el = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (eligible[i]) {
                el.add(i);
            }
        }
        if (el.size() < minCreators) {
            throw new PlanningException(
                    "constraints.minCreators",
                    "needs " + minCreators + " creators but only " + el.size()
                            + " are eligible (after minTrustScore, excluded, budget and maxBudgetShare)");
        }
        double[] sorted = el.stream().mapToDouble(i -> cost[i]).sorted().toArray();
        double cheapest = 0;
        for (int i = 0; i < minCreators; i++) {
            cheapest += sorted[i];
        }
        if (cheapest > budget + EPS) {
            throw new PlanningException(
                    "constraints.minCreators",
                    "the " + minCreators + " cheapest eligible creators cost " + fmt(cheapest)
                            + ", more than the budget " + fmt(budget));
        }
        for (int q = 0; q < nicheKeys.size(); q++) {
            checkQuota("constraints.nicheQuotas." + nicheKeys.get(q), nicheMin[q], nicheMax[q], el, q, true);
        }
        for (int q = 0; q < platformKeys.size(); q++) {
            checkQuota(
                    "constraints.platformQuotas." + platformKeys.get(q), platformMin[q], platformMax[q], el, q, false);
        }
        int mins = 0;
        for (int m : nicheMin) {
            mins = Math.max(mins, m);
        }
        if (mins > maxCreators) {
            throw new PlanningException(
                    "constraints.maxCreators", "a niche quota needs " + mins + " creators, more than maxCreators");
        }
    }

    private void checkQuota(String field, int min, int max, List<Integer> eligibleIdx, int q, boolean niche) {
        if (min == 0) {
            return;
        }
        List<Double> costs = new ArrayList<>();
        for (int i : eligibleIdx) {
            boolean has = niche ? contains(nichesOf[i], q) : platformOf[i] == q;
            if (has) {
                costs.add(cost[i]);
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
        if (c > budget + EPS) {
            throw new PlanningException(
                    field + ".min",
                    "the " + min + " cheapest matching creators cost " + fmt(c) + ", more than the budget "
                            + fmt(budget));
        }
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private List<Double> buildElements() {
        long thetaMin = Long.MAX_VALUE;
        for (PlanCandidate c : byIndex) {
            if (c.audience() != null) {
                thetaMin = Math.min(thetaMin, c.audience().thetaLong());
            }
        }
        long[][] hashes = new long[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            PlanCandidate c = byIndex.get(i);
            if (c.audience() == null) {
                continue;
            }
            long[] all = c.audience().sortedRetainedHashes();
            int keep = 0;
            while (keep < all.length && all[keep] < thetaMin) {
                keep++;
            }
            hashes[i] = Arrays.copyOf(all, keep);
            total += keep;
        }
        // Element index per distinct hash: an open-addressing long → int table (own code: a primitive map avoids
        // boxing 10^6–10^7 hashes, and one small class is lighter than a primitive-collections dependency).
        int capacity = Integer.highestOneBit(Math.max(16, total * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        int[] slots = new int[capacity];
        java.util.Arrays.fill(slots, -1);
        int mask = capacity - 1;
        double[] sum = new double[Math.max(1, total)];
        int[] holders = new int[Math.max(1, total)];
        int u = 0;
        List<Double> weights = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (hashes[i] == null || hashes[i].length == 0) {
                continue;
            }
            double perElement = (double) byIndex.get(i).audienceSize() / hashes[i].length;
            int[] idx = new int[hashes[i].length];
            for (int j = 0; j < idx.length; j++) {
                long h = hashes[i][j];
                int pos = (int) (h ^ (h >>> 29)) & mask;
                while (slots[pos] >= 0 && keys[pos] != h) {
                    pos = (pos + 1) & mask;
                }
                if (slots[pos] < 0) {
                    keys[pos] = h;
                    slots[pos] = u++;
                }
                idx[j] = slots[pos];
                sum[idx[j]] += perElement;
                holders[idx[j]]++;
            }
            java.util.Arrays.sort(idx);
            elements[i] = idx;
        }
        for (int e = 0; e < u; e++) {
            weights.add(sum[e] / holders[e]);
        }
        for (int i = 0; i < n; i++) {
            if (elements[i] == null) {
                elements[i] = new int[] {weights.size()};
                weights.add((double) byIndex.get(i).audienceSize());
            }
        }
        return weights;
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
