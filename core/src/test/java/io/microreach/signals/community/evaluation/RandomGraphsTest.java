package io.microreach.signals.community.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The null models keep what they promise on 50 seeded graphs each: degrees, sizes, simple graphs; the subsample is
 * the induced graph.
 */
class RandomGraphsTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 50);
    }

    static int size(long seed, int max) {
        return 2 + new SplittableRandom(seed * 31).nextInt(max - 1);
    }

    static UndirectedGraph random(int n, double p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        java.util.List<int[]> edges = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // a hub at node 0 and a dense corner, so degrees differ a lot
                double pij = i == 0 ? 0.8 : i < n / 5 && j < n / 5 ? 0.6 : p;
                if (rng.nextDouble() < pij) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        int[] a = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] b = edges.stream().mapToInt(e -> e[1]).toArray();
        return new UndirectedGraph(n, a, b);
    }

    static int[] degrees(UndirectedGraph g) {
        int[] d = new int[g.nodes()];
        for (int e = 0; e < g.edges(); e++) {
            d[g.a()[e]]++;
            d[g.b()[e]]++;
        }
        return d;
    }

    static void assertSimple(UndirectedGraph g) {
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < g.edges(); e++) {
            assertThat(g.a()[e]).isNotEqualTo(g.b()[e]);
            assertThat(g.a()[e]).isBetween(0, g.nodes() - 1);
            assertThat(g.b()[e]).isBetween(0, g.nodes() - 1);
            assertThat(seen.add(UndirectedGraph.key(g.a()[e], g.b()[e])))
                    .as("repeated edge")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void degreePreservingRandomisationKeepsEveryDegree(long seed) {
        int n = size(seed, 80);
        UndirectedGraph g = random(n, 0.1, seed);
        UndirectedGraph r = RandomGraphs.degreePreserving(g, seed + 1);
        assertThat(r.edges()).isEqualTo(g.edges());
        assertThat(degrees(r)).isEqualTo(degrees(g));
        assertSimple(r);
    }

    @Test
    void degreePreservingRandomisationActuallyRewires() {
        UndirectedGraph g = random(100, 0.05, 3);
        UndirectedGraph r = RandomGraphs.degreePreserving(g, 4);
        Set<Long> before = new HashSet<>();
        for (int e = 0; e < g.edges(); e++) {
            before.add(UndirectedGraph.key(g.a()[e], g.b()[e]));
        }
        long kept = 0;
        for (int e = 0; e < r.edges(); e++) {
            kept += before.contains(UndirectedGraph.key(r.a()[e], r.b()[e])) ? 1 : 0;
        }
        assertThat((double) kept / g.edges()).as("share of edges left in place").isLessThan(0.6);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void erdosRenyiHasExactlyMDistinctEdges(long seed) {
        int n = size(seed, 60);
        int m = (int) (new SplittableRandom(seed).nextDouble() * n * (n - 1) / 2);
        UndirectedGraph g = RandomGraphs.erdosRenyi(n, m, seed);
        assertThat(g.edges()).isEqualTo(m);
        assertThat(g.nodes()).isEqualTo(n);
        assertSimple(g);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void subsampleIsTheInducedGraph(long seed) {
        int n = size(seed, 60);
        UndirectedGraph g = random(n, 0.2, seed);
        int size = 1 + new SplittableRandom(seed).nextInt(n);
        UndirectedGraph s = RandomGraphs.subsample(g, size, seed);
        assertThat(s.nodes()).isEqualTo(size);
        assertSimple(s);
        // the induced graph of a sample of everyone is the whole graph
        UndirectedGraph all = RandomGraphs.subsample(g, n, seed);
        assertThat(all.edges()).isEqualTo(g.edges());
        long pairs = (long) size * (size - 1) / 2;
        assertThat((long) s.edges()).isLessThanOrEqualTo(Math.min(pairs, g.edges()));
        UndirectedGraph complete = RandomGraphs.erdosRenyi(n, n * (n - 1) / 2, seed);
        assertThat((long) RandomGraphs.subsample(complete, size, seed).edges())
                .as("every pair of a complete graph's sample is tied")
                .isEqualTo(pairs);
    }
}
