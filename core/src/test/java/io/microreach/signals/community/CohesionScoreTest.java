package io.microreach.signals.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Comment;
import io.microreach.domain.Post;
import io.microreach.signals.AccountActivity;
import io.microreach.signals.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The score as excess over chance: known answers on small graphs, random graphs near 0 at every size, the same
 * structure scoring the same at every size, and confidence from nodes and edges.
 */
class CohesionScoreTest {
    private final CohesionMeter meter = new CohesionMeter();

    /** Each node tied (mutually) to the two nodes on either side: C = 0.5 (Watts &amp; Strogatz 1998). */
    @ParameterizedTest
    @ValueSource(ints = {30, 100, 400})
    void ringLatticeHasTheKnownParts(int n) {
        List<Follow> follows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int step = 1; step <= 2; step++) {
                int j = (i + step) % n;
                follows.add(new Follow("f" + i, "f" + j));
                follows.add(new Follow("f" + j, "f" + i));
            }
        }
        Cohesion c = meter.measureGraph(CohesionMeterTest.nodes(n), follows);

        double pu = 4.0 / (n - 1);
        assertThat(c.clustering().value()).isCloseTo(0.5, within(1e-12));
        assertThat(c.clustering().expected()).isCloseTo(pu, within(1e-12));
        double k = n * (0.5 - pu) / ((n + 5.0) * (1 - pu));
        double r = 4.0 * n / (4.0 * n + 10);
        assertThat(c.parts().clustering()).isCloseTo(k, within(1e-12));
        assertThat(c.parts().reciprocity()).isCloseTo(r, within(1e-12));
        assertThat(c.score()).isCloseTo((0.5 * k + 0.3 * r) / 0.8, within(1e-12));
        assertThat(c.score()).as("a strongly clustered, fully mutual graph").isGreaterThan(0.55);
    }

    /** A plain ring (k = 2), one-way: no triangle, no returned follow. */
    @Test
    void oneWayRingHasNothingAboveChance() {
        int n = 60;
        List<Follow> follows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            follows.add(new Follow("f" + i, "f" + (i + 1) % n));
        }
        Cohesion c = meter.measureGraph(CohesionMeterTest.nodes(n), follows);

        assertThat(c.clustering().value()).isZero();
        assertThat(c.parts().clustering()).isNegative();
        assertThat(c.parts().reciprocity()).isNegative();
        assertThat(c.score()).isZero();
    }

    /** Every leaf follows one hub (a crowd following one account): leaves share no tie, nothing is returned. */
    @Test
    void starIsNotACommunity() {
        int n = 80;
        List<Follow> follows = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            follows.add(new Follow("f" + i, "f0"));
        }
        Cohesion c = meter.measureGraph(CohesionMeterTest.nodes(n), follows);

        assertThat(c.clustering().basis()).as("only the hub has two ties").isEqualTo(1);
        assertThat(c.clustering().value()).isZero();
        double pu = 2.0 / n;
        assertThat(c.parts().clustering()).isCloseTo(-pu / (6 * (1 - pu)), within(1e-12));
        assertThat(c.score()).isZero();
        assertThat(c.evidenceFollowerIds()).startsWith("f0");
    }

    /**
     * Directed G(n, p) with a mean of about 6 ties per node and a share of returned follows at chance: the parts
     * average 0 and the score stays near 0 at every size, where the density-only score fell from 0.8 to 0.2.
     */
    @ParameterizedTest
    @CsvSource({"50, 0.12", "150, 0.04", "500, 0.012", "1000, 0.006"})
    void erdosRenyiGraphsScoreNearZeroAtEverySize(int n, double p) {
        int graphs = 20;
        double clustering = 0;
        double reciprocity = 0;
        double score = 0;
        for (int g = 0; g < graphs; g++) {
            SplittableRandom rng = new SplittableRandom(7000L * n + g);
            List<Follow> follows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && rng.nextDouble() < p) {
                        follows.add(new Follow("f" + i, "f" + j));
                    }
                }
            }
            Cohesion c = meter.measureGraph(CohesionMeterTest.nodes(n), follows);
            clustering += c.parts().clustering() / graphs;
            reciprocity += c.parts().reciprocity() / graphs;
            score += c.score() / graphs;
        }
        assertThat(clustering).isCloseTo(0, within(0.02));
        assertThat(reciprocity).isCloseTo(0, within(0.02));
        assertThat(score).isLessThan(0.03);
    }

    /**
     * The same structure at 120 to 960 followers: groups of 12 friends (each pair tied with probability 0.5, half
     * the ties returned) plus about one tie per person across groups, as in a real audience where everyone knows a
     * bounded number of people. The density falls eightfold with n, the score must not.
     */
    @Test
    void theSameStructureScoresTheSameAtEverySize() {
        double[] scores = new double[4];
        double[] densities = new double[4];
        int[] sizes = {120, 240, 480, 960};
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            double score = 0;
            double density = 0;
            for (int seed = 0; seed < 5; seed++) {
                Cohesion c = meter.measureGraph(CohesionMeterTest.nodes(n), groups(n, 12, 0.5, 0.5, 1.0 / n, seed));
                score += c.score() / 5;
                density += c.undirectedDensity() / 5;
            }
            scores[s] = score;
            System.out.printf("n=%d density %.4f score %.3f%n", n, density, score);
            densities[s] = density;
        }
        assertThat(densities[3]).as("density falls with size").isLessThan(densities[0] / 4);
        assertThat(scores[0])
                .as("a planted community scores clearly above chance")
                .isGreaterThan(0.3);
        for (int s = 1; s < sizes.length; s++) {
            assertThat(scores[s]).as("score at n=" + sizes[s]).isGreaterThan(scores[0] - 0.02);
        }
    }

    /** Friend groups of {@code groupSize}: pairs within tied with pIn, across with pOut, a tie returned with back. */
    static List<Follow> groups(int n, int groupSize, double pIn, double back, double pOut, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Follow> follows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double p = i / groupSize == j / groupSize ? pIn : pOut;
                if (rng.nextDouble() < p) {
                    boolean forward = rng.nextBoolean();
                    follows.add(forward ? new Follow("f" + i, "f" + j) : new Follow("f" + j, "f" + i));
                    if (rng.nextDouble() < back) {
                        follows.add(forward ? new Follow("f" + j, "f" + i) : new Follow("f" + i, "f" + j));
                    }
                }
            }
        }
        return follows;
    }

    /** Adding follow edges or sampled followers never lowers the confidence. */
    @Test
    void confidenceNeverFallsWithMoreEdgesOrNodes() {
        Confidence previous = Confidence.NONE;
        for (int edges = 0; edges <= 200; edges += 5) {
            Confidence c = meter.measureGraph(CohesionMeterTest.nodes(150), CohesionMeterTest.path(edges))
                    .confidence();
            assertThat(c).isGreaterThanOrEqualTo(previous);
            previous = c;
        }
        assertThat(previous).isEqualTo(Confidence.HIGH);
        previous = Confidence.NONE;
        for (int nodes = 20; nodes <= 200; nodes += 10) {
            Confidence c = meter.measureGraph(CohesionMeterTest.nodes(nodes), CohesionMeterTest.path(150))
                    .confidence();
            assertThat(c).isGreaterThanOrEqualTo(previous);
            previous = c;
        }
        assertThat(previous).isEqualTo(Confidence.HIGH);
    }

    /** Repeat commenters join the score with weight 0.2, shrunk by 10 pseudo-commenters who never return. */
    @Test
    void repeatCommentersJoinTheScoreWhenMeasured() {
        List<Post> posts = CohesionMeterTest.posts(10);
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CohesionMeterTest.comment(comments, posts, "fan" + i, 0, 1, 2);
        }
        for (int i = 0; i < 10; i++) {
            CohesionMeterTest.comment(comments, posts, "once" + i, i);
        }
        AccountActivity activity =
                new AccountActivity(CohesionMeterTest.account(), posts, comments, List.of(), List.of(), List.of());
        RepeatCommenters repeat = meter.repeatCommenters(activity);
        assertThat(repeat.share().estimate()).isEqualTo(0.5);

        ScoreParts parts = meter.parts(GraphMetric.unavailable("none", 0), GraphMetric.unavailable("none", 0), repeat);
        assertThat(parts.repeatCommenters()).isCloseTo(20 * 0.5 / 30, within(1e-12));
        assertThat(meter.score(parts)).isCloseTo(0.2 * (10 / 30.0), within(1e-12));
        assertThat(meter.score(new ScoreParts(0.4, 0.2, null))).isCloseTo((0.5 * 0.4 + 0.3 * 0.2) / 0.8, within(1e-12));
    }
}
