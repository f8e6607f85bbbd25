package io.microreach.signals.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties on seeded random graphs: the statistics equal a brute-force reference on the adjacency matrix, and
 * on Erdős–Rényi graphs reciprocity and clustering average out at the density, as the derivation says.
 */
class CohesionPropertiesTest {
    private final CohesionMeter meter =
            new CohesionMeter(new CohesionSettings(2, 150, CohesionSettings.Scoring.defaults(), 10, 3, 10, 100, 10));

    /** A random directed graph with some reciprocated pairs and a clustered core, so every branch is exercised. */
    static boolean[][] randomGraph(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 + rng.nextInt(60);
        double p = rng.nextDouble() * 0.3;
        double back = rng.nextDouble();
        boolean[][] a = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double pij = i < n / 4 && j < n / 4 ? Math.min(1, 3 * p) : p;
                if (rng.nextDouble() < pij) {
                    if (rng.nextDouble() < back) {
                        a[i][j] = true;
                        a[j][i] = true;
                    } else if (rng.nextBoolean()) {
                        a[i][j] = true;
                    } else {
                        a[j][i] = true;
                    }
                }
            }
        }
        return a;
    }

    static List<String> ids(int n) {
        return CohesionMeterTest.nodes(n);
    }

    static List<Follow> follows(boolean[][] a) {
        List<Follow> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (a[i][j]) {
                    out.add(new Follow("f" + i, "f" + j));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void statisticsMatchABruteForceReference(long seed) {
        boolean[][] a = randomGraph(seed);
        int n = a.length;
        long arcs = 0;
        long mutualArcs = 0;
        long pairs = 0;
        boolean[][] u = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i][j]) {
                    arcs++;
                    mutualArcs += a[j][i] ? 1 : 0;
                }
                u[i][j] = i != j && (a[i][j] || a[j][i]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs += u[i][j] ? 1 : 0;
            }
        }
        double clusteringSum = 0;
        int clustered = 0;
        for (int i = 0; i < n; i++) {
            List<Integer> nb = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (u[i][j]) {
                    nb.add(j);
                }
            }
            int k = nb.size();
            if (k >= 2) {
                int closed = 0;
                for (int x = 0; x < k; x++) {
                    for (int y = x + 1; y < k; y++) {
                        closed += u[nb.get(x)][nb.get(y)] ? 1 : 0;
                    }
                }
                clusteringSum += closed / (k * (k - 1) / 2.0);
                clustered++;
            }
        }

        Cohesion c = meter.measureGraph(ids(n), follows(a));

        double density = (double) arcs / (n * (n - 1.0));
        double undirected = pairs / (n * (n - 1) / 2.0);
        assertThat(c.edges()).isEqualTo(arcs);
        assertThat(c.connectedPairs()).isEqualTo(pairs);
        assertThat(c.density().value()).isCloseTo(density, within(1e-12));
        assertThat(c.undirectedDensity()).isCloseTo(undirected, within(1e-12));
        if (arcs == 0) {
            assertThat(c.reciprocity().available()).isFalse();
        } else {
            assertThat(c.reciprocity().value()).isCloseTo((double) mutualArcs / arcs, within(1e-12));
            assertThat(c.reciprocity().expected()).isCloseTo(density, within(1e-12));
        }
        if (clustered == 0) {
            assertThat(c.clustering().available()).isFalse();
        } else {
            assertThat(c.clustering().value()).isCloseTo(clusteringSum / clustered, within(1e-12));
            assertThat(c.clustering().expected()).isCloseTo(undirected, within(1e-12));
            assertThat(c.clustering().basis()).isEqualTo(clustered);
        }
        double k = clustered == 0 || undirected >= 1
                ? 0
                : (clusteringSum - clustered * undirected) / ((clustered + 5) * (1 - undirected));
        double r = arcs == 0 || density >= 1 ? 0 : (mutualArcs - arcs * density) / ((arcs + 10) * (1 - density));
        assertThat(c.parts().clustering()).isCloseTo(k, within(1e-12));
        assertThat(c.parts().reciprocity()).isCloseTo(r, within(1e-12));
        assertThat(c.score()).isCloseTo(Math.max(0, Math.min(1, (0.5 * k + 0.3 * r) / 0.8)), within(1e-12));
    }

    /**
     * Directed G(n, p): every ordered pair independently. Over 100 seeded graphs the mean reciprocity and the mean
     * clustering (over nodes with two ties) are within a few percent of their expectation p and p_u, so the
     * random-graph ratios centre on 1 — the baseline the signal compares creators with is the right one.
     */
    @ParameterizedTest
    @CsvSource({"40, 0.10", "80, 0.05", "150, 0.03"})
    void erdosRenyiGraphsShowRatiosNearOne(int n, double p) {
        double reciprocityRatio = 0;
        double clusteringRatio = 0;
        int graphs = 100;
        for (int g = 0; g < graphs; g++) {
            SplittableRandom rng = new SplittableRandom(1000L * n + g);
            List<Follow> follows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && rng.nextDouble() < p) {
                        follows.add(new Follow("f" + i, "f" + j));
                    }
                }
            }
            Cohesion c = meter.measureGraph(ids(n), follows);
            reciprocityRatio += c.reciprocity().ratio() / graphs;
            clusteringRatio += c.clustering().ratio() / graphs;
        }
        assertThat(reciprocityRatio).isCloseTo(1.0, within(0.05));
        assertThat(clusteringRatio).isCloseTo(1.0, within(0.05));
    }
}
