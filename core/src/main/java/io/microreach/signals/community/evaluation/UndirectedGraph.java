package io.microreach.signals.community.evaluation;

import io.microreach.signals.community.Follow;
import java.util.ArrayList;
import java.util.List;

/**
 * A simple undirected graph on nodes 0..n−1: edge e joins {@code a[e]} and {@code b[e]}, no loops, no repeats.
 *
 * @param nodes number of nodes, isolated ones included
 * @param a one end of each edge
 * @param b the other end
 */
record UndirectedGraph(int nodes, int[] a, int[] b) {
    UndirectedGraph {
        if (a.length != b.length) {
            throw new IllegalArgumentException("edge ends differ in length");
        }
    }

    int edges() {
        return a.length;
    }

    double density() {
        return nodes < 2 ? 0 : 2.0 * edges() / ((double) nodes * (nodes - 1));
    }

    List<String> nodeIds() {
        List<String> ids = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }

    /** Every edge as two follows: a friendship is a mutual follow. */
    List<Follow> mutualFollows() {
        List<Follow> out = new ArrayList<>(2 * a.length);
        for (int e = 0; e < a.length; e++) {
            String x = Integer.toString(a[e]);
            String y = Integer.toString(b[e]);
            out.add(new Follow(x, y));
            out.add(new Follow(y, x));
        }
        return out;
    }

    /** Every edge as one follow, from its first end to its second (the lower bound: nothing returned). */
    List<Follow> oneWayFollows() {
        List<Follow> out = new ArrayList<>(a.length);
        for (int e = 0; e < a.length; e++) {
            out.add(new Follow(Integer.toString(a[e]), Integer.toString(b[e])));
        }
        return out;
    }

    static long key(int x, int y) {
        int lo = Math.min(x, y);
        int hi = Math.max(x, y);
        return ((long) lo << 32) | hi;
    }
}
