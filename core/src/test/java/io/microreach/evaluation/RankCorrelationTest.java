package io.microreach.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void tiesShareTheirAverageRank() {
        assertThat(RankCorrelation.ranks(new double[] {10, 30, 20, 30, 5})).containsExactly(2, 4.5, 3, 4.5, 1);
    }

    @Test
    void separationIsTheShareOfPositiveNegativePairsInOrderWithTiesHalf() {
        // pairs (positive, negative): (3,1) (3,2) (3,3) (5,1) (5,2) (5,3) -> 1 + 1 + 0.5 + 1 + 1 + 1 = 5.5 of 6.
        double[] scores = {3, 1, 2, 5, 3};
        boolean[] positive = {true, false, false, true, false};
        assertThat(RankCorrelation.separation(scores, positive).getAsDouble()).isCloseTo(5.5 / 6, within(1e-12));
        assertThat(RankCorrelation.separation(new double[] {1, 2}, new boolean[] {true, true}))
                .isEmpty();
    }

    @Test
    void separationMatchesCountingEveryPairOnRandomSamples() {
        java.util.Random random = new java.util.Random(18);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(40);
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(6);
                positive[i] = random.nextBoolean();
            }
            double wins = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (positive[i] && !positive[j]) {
                        wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
            if (pairs == 0) {
                assertThat(RankCorrelation.separation(scores, positive)).isEmpty();
            } else {
                assertThat(RankCorrelation.separation(scores, positive).getAsDouble())
                        .isCloseTo(wins / pairs, within(1e-9));
            }
        }
    }

    @Test
    void aMonotoneRelationIsOneWhateverItsScale() {
        double[] x = {1, 2, 3, 4, 5};
        assertThat(RankCorrelation.spearman(x, new double[] {1, 4, 9, 16, 25})).hasValue(1.0);
        assertThat(RankCorrelation.spearman(x, new double[] {50, 40, 30, 20, 10}))
                .hasValue(-1.0);
    }

    @Test
    void knownAnswerWithoutTies() {
        // d = (0, -2, 1, 1, 0), sum d² = 6: rho = 1 - 6 * 6 / (5 * 24) = 0.7.
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {1, 4, 2, 3, 5})
                        .getAsDouble())
                .isCloseTo(0.7, within(1e-12));
    }

    @Test
    void knownAnswerWithTies() {
        // Ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): Pearson of the ranks = 4.5 / sqrt(4.5 * 5).
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4})
                        .getAsDouble())
                .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
    }

    @Test
    void undefinedForFewerThanThreePairsOrAConstantSample() {
        assertThat(RankCorrelation.spearman(new double[] {1, 2}, new double[] {2, 1}))
                .isEmpty();
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {7, 7, 7}))
                .isEmpty();
        assertThatThrownBy(() -> RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
