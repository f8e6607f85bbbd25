package io.microreach.signals.community.evaluation;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The two null models a graph is compared with.
 *
 * <p><b>Degree-preserving randomisation</b> (Maslov &amp; Sneppen, Science 296, 910, 2002): repeatedly pick two
 * edges (a, b) and (c, d) and rewire them to (a, d) and (c, b) (or (a, c) and (b, d), by a coin), rejecting a swap
 * that would make a loop or a repeated edge. Every node keeps its degree, so whatever the score sees beyond the
 * degree sequence (triangles from friend circles) is destroyed while hubs stay hubs. Ten attempted swaps per edge
 * (Milo et al., arXiv cond-mat/0312028, 2003, discuss how many are enough; every edge is then touched about twenty
 * times on average).
 *
 * <p><b>Erdős–Rényi G(n, m)</b>: m distinct pairs drawn uniformly: the random graph "of the same size and density"
 * that PRODUCT.md compares with.
 */
final class RandomGraphs {
    static final int SWAPS_PER_EDGE = 10;

    private RandomGraphs() {}

    static UndirectedGraph degreePreserving(UndirectedGraph g, long seed) {
        int m = g.edges();
        int[] a = g.a().clone();
        int[] b = g.b().clone();
        if (m < 2) {
            return new UndirectedGraph(g.nodes(), a, b);
        }
        Set<Long> present = new HashSet<>(2 * m);
        for (int e = 0; e < m; e++) {
            present.add(UndirectedGraph.key(a[e], b[e]));
        }
        SplittableRandom rng = new SplittableRandom(seed);
        long attempts = (long) SWAPS_PER_EDGE * m;
        for (long t = 0; t < attempts; t++) {
            int e = rng.nextInt(m);
            int f = rng.nextInt(m);
            if (e == f) {
                continue;
            }
            int x = a[e];
            int y = b[e];
            int u = a[f];
            int v = b[f];
            if (rng.nextBoolean()) {
                int w = u;
                u = v;
                v = w;
            }
            // (x, y), (u, v) -> (x, v), (u, y)
            if (x == v || u == y) {
                continue;
            }
            long k1 = UndirectedGraph.key(x, v);
            long k2 = UndirectedGraph.key(u, y);
            if (k1 == k2 || present.contains(k1) || present.contains(k2)) {
                continue;
            }
            present.remove(UndirectedGraph.key(x, y));
            present.remove(UndirectedGraph.key(u, v));
            present.add(k1);
            present.add(k2);
            a[e] = x;
            b[e] = v;
            a[f] = u;
            b[f] = y;
        }
        return new UndirectedGraph(g.nodes(), a, b);
    }

    /** G(n, m): m distinct pairs of n nodes, uniformly. */
    static UndirectedGraph erdosRenyi(int n, int m, long seed) {
        long pairs = (long) n * (n - 1) / 2;
        if (m > pairs) {
            throw new IllegalArgumentException(m + " edges do not fit among " + n + " nodes");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<Long> present = new HashSet<>(2 * m);
        int[] a = new int[m];
        int[] b = new int[m];
        int e = 0;
        while (e < m) {
            int x = rng.nextInt(n);
            int y = rng.nextInt(n);
            if (x != y && present.add(UndirectedGraph.key(x, y))) {
                a[e] = x;
                b[e] = y;
                e++;
            }
        }
        return new UndirectedGraph(n, a, b);
    }

    /** The graph induced by {@code size} nodes drawn uniformly without replacement, renumbered 0..size−1. */
    static UndirectedGraph subsample(UndirectedGraph g, int size, long seed) {
        int n = g.nodes();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] newId = new int[n];
        java.util.Arrays.fill(newId, -1);
        for (int i = 0; i < size; i++) {
            newId[order[i]] = i;
        }
        int kept = 0;
        for (int e = 0; e < g.edges(); e++) {
            if (newId[g.a()[e]] >= 0 && newId[g.b()[e]] >= 0) {
                kept++;
            }
        }
        int[] a = new int[kept];
        int[] b = new int[kept];
        int k = 0;
        for (int e = 0; e < g.edges(); e++) {
            int x = newId[g.a()[e]];
            int y = newId[g.b()[e]];
            if (x >= 0 && y >= 0) {
                a[k] = x;
                b[k] = y;
                k++;
            }
        }
        return new UndirectedGraph(size, a, b);
    }
}
