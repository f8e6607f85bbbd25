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
