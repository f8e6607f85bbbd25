package io.microreach.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void idealOrderScoresOneAndReversedOrderLess() {
        int[] all = {2, 1, 0, 0};
        assertThat(RankingMetrics.ndcg(List.of(2, 1, 0, 0), all, 10)).isEqualTo(1.0);
        double reversed = RankingMetrics.ndcg(List.of(0, 0, 1, 2), all, 10);
        // DCG = 1/log2(4) + 3/log2(5) = 0.5 + 1.2920; ideal = 3 + 1/log2(3) = 3.6309
        assertThat(reversed)
                .isCloseTo(
                        (0.5 + 3 / (Math.log(5) / Math.log(2))) / (3 + 1 / (Math.log(3) / Math.log(2))), within(1e-12));
    }

    @Test
    void onlyTheTopKCount() {
        int[] all = {1, 1, 0};
        assertThat(RankingMetrics.ndcg(List.of(0, 1, 1), all, 1)).isZero();
        assertThat(RankingMetrics.ndcg(List.of(1, 0, 1), all, 1)).isEqualTo(1.0);
    }

    @Test
    void noRelevantItemScoresZero() {
        assertThat(RankingMetrics.ndcg(List.of(0, 0), new int[] {0, 0}, 10)).isZero();
    }

    @Test
    void precisionCountsEmptyPlacesAsMisses() {
        assertThat(RankingMetrics.precision(List.of(2, 0, 1), 10)).isEqualTo(0.2);
        assertThat(RankingMetrics.precision(List.of(1, 1, 1, 1), 2)).isEqualTo(1.0);
    }
}
