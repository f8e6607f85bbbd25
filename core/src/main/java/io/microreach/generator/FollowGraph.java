package io.microreach.generator;

import io.microreach.domain.FollowEdge;
import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follow edges among an account's sampled real followers: a stochastic block model followed by one round of
 * triadic closure, then directions. Bots are left out: they follow creators, not each other's audience.
 *
 * <p>Step 1, the block model: two followers from the same audience pool (block) are tied with probability p_in, from
 * different pools with p_out. Alone it gives graphs whose clustering equals their density (a few percent), while
 * real social graphs close triangles: the ten SNAP ego-Facebook friend graphs have a mean local clustering of
 * 0.46–0.73 at densities of 0.03–0.15 (McAuley &amp; Leskovec 2012; measured by {@code eval realism}), and follower
 * graphs show the same "friends of friends" effect more weakly. Step 2, triadic closure (Holme &amp; Kim 2002 add
 * such triad-formation steps to growth models for the same reason): every untied pair of the same block with c ≥ 1
 * common neighbours from step 1 gets tied with probability 1 − (1 − q)^c, q being the account's planted closure.
 * Closing only within a block keeps communities the place where triangles form; one round (over the step-1 ties
 * only, so the result does not depend on the pair order) keeps the added ties proportional to the open wedges, so
 * denser (tight-knit) samples gain the most, as in real graphs. Step 3: a tied pair follows each other with the
 * planted reciprocity, otherwise one of them follows the other.
 *
 * <p>Cost: O(n²) draws for step 1 plus the wedges of step 2 (Σ deg², small for these sparse graphs).
 */
final class FollowGraph {
    /** A sampled real follower: platform id and block. */
    record Node(String id, int block) {}

    /** What was written: directed edges and the pairs that triadic closure added. */
    record Written(long edges, long closedPairs) {}

    private FollowGraph() {}

    /** Emits the edges. */
    static Written write(
            Platform platform,
            String accountId,
            List<Node> nodes,
            AccountPlan.Cohesion cohesion,
            Rng rng,
            Consumer<FollowEdge> sink) {
        int n = nodes.size();
        List<int[]> adjacency = new ArrayList<>(n);
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            adjacency.add(new int[4]);
        }
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node a = nodes.get(i);
            for (int j = i + 1; j < n; j++) {
                double p = a.block() == nodes.get(j).block() ? cohesion.pIn() : cohesion.pOut();
                if (rng.chance(p)) {
                    pairs.add(new long[] {i, j});
                    link(adjacency, degree, i, j);
                }
            }
        }
        long closed = close(nodes, adjacency, degree, cohesion.closure(), rng, pairs);
        pairs.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long edges = 0;
        for (long[] pair : pairs) {
            Node a = nodes.get((int) pair[0]);
            Node b = nodes.get((int) pair[1]);
            if (rng.chance(cohesion.reciprocity())) {
                sink.accept(new FollowEdge(platform, accountId, a.id(), b.id()));
                sink.accept(new FollowEdge(platform, accountId, b.id(), a.id()));
                edges += 2;
            } else if (rng.chance(0.5)) {
                sink.accept(new FollowEdge(platform, accountId, a.id(), b.id()));
                edges++;
            } else {
                sink.accept(new FollowEdge(platform, accountId, b.id(), a.id()));
                edges++;
            }
        }
        return new Written(edges, closed);
    }

    /** Step 2: adds the closing pairs to {@code pairs}; returns how many. */
    private static long close(
            List<Node> nodes, List<int[]> adjacency, int[] degree, double q, Rng rng, List<long[]> pairs) {
        if (q <= 0) {
            return 0;
        }
        int n = nodes.size();
        // Open wedges a–w–b of step 1, as sorted pair keys a·n + b; a key appears once per common neighbour.
        long[] wedges = new long[16];
        int count = 0;
        for (int w = 0; w < n; w++) {
            int[] ns = adjacency.get(w);
            for (int x = 0; x < degree[w]; x++) {
                for (int y = x + 1; y < degree[w]; y++) {
                    int a = Math.min(ns[x], ns[y]);
                    int b = Math.max(ns[x], ns[y]);
                    if (nodes.get(a).block() != nodes.get(b).block() || tied(adjacency, degree, a, b)) {
                        continue;
                    }
                    if (count == wedges.length) {
                        wedges = Arrays.copyOf(wedges, count * 2);
                    }
                    wedges[count++] = (long) a * n + b;
                }
            }
        }
        Arrays.sort(wedges, 0, count);
        long closed = 0;
        int i = 0;
        while (i < count) {
            int j = i;
            while (j < count && wedges[j] == wedges[i]) {
                j++;
            }
            double p = 1 - StrictMath.pow(1 - q, j - i);
            if (rng.chance(p)) {
                pairs.add(new long[] {wedges[i] / n, wedges[i] % n});
                closed++;
            }
            i = j;
        }
        return closed;
    }

    private static void link(List<int[]> adjacency, int[] degree, int a, int b) {
        add(adjacency, degree, a, b);
        add(adjacency, degree, b, a);
    }

    private static void add(List<int[]> adjacency, int[] degree, int from, int to) {
        int[] ns = adjacency.get(from);
        if (degree[from] == ns.length) {
            ns = Arrays.copyOf(ns, ns.length * 2);
            adjacency.set(from, ns);
        }
        ns[degree[from]++] = to;
    }

    private static boolean tied(List<int[]> adjacency, int[] degree, int a, int b) {
        int[] ns = adjacency.get(a);
        for (int k = 0; k < degree[a]; k++) {
            if (ns[k] == b) {
                return true;
            }
        }
        return false;
    }
}
