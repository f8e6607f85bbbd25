package io.microreach.signals.followers.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierEvaluationTest {
    private static LabelledScore s(double p, boolean suspicious) {
        return new LabelledScore(p, suspicious);
    }

    @Test
    void knownAnswer() {
        ClassifierEvaluation e =
                ClassifierEvaluation.of(List.of(s(0.1, false), s(0.4, false), s(0.35, true), s(0.8, true)), 0.5);
        assertThat(e.n()).isEqualTo(4);
        assertThat(e.truePositives()).isEqualTo(1);
        assertThat(e.falsePositives()).isZero();
        assertThat(e.trueNegatives()).isEqualTo(2);
        assertThat(e.falseNegatives()).isEqualTo(1);
        assertThat(e.accuracy()).isEqualTo(0.75);
        assertThat(e.precision()).hasValue(1.0);
        assertThat(e.recall()).hasValue(0.5);
        assertThat(e.falsePositiveRate()).hasValue(0.0);
        // Pairs (suspicious above genuine): 0.35>0.1, 0.8>0.1, 0.8>0.4, but 0.35<0.4 → 3 of 4.
        assertThat(e.rocAuc()).hasValue(0.75);
        assertThat(e.mcc().getAsDouble()).isCloseTo(2 / Math.sqrt(12), within(1e-12));
    }

    @Test
    void thresholdIsInclusiveAndTiesCountHalf() {
        ClassifierEvaluation e = ClassifierEvaluation.of(List.of(s(0.5, true), s(0.5, false)), 0.5);
        assertThat(e.truePositives()).isEqualTo(1);
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.rocAuc()).hasValue(0.5);
        assertThat(ClassifierEvaluation.of(List.of(s(0.9, true), s(0.2, false)), 0.5)
                        .rocAuc())
                .hasValue(1.0);
        assertThat(ClassifierEvaluation.of(List.of(s(0.2, true), s(0.9, false)), 0.5)
                        .rocAuc())
                .hasValue(0.0);
    }

    @Test
    void undefinedRatesAreEmptyNotNumbers() {
        ClassifierEvaluation genuineOnly = ClassifierEvaluation.of(List.of(s(0.1, false), s(0.2, false)), 0.5);
        assertThat(genuineOnly.rocAuc()).isEmpty();
        assertThat(genuineOnly.recall()).isEmpty();
        assertThat(genuineOnly.precision()).isEmpty();
        assertThat(genuineOnly.mcc()).isEmpty();
        assertThat(genuineOnly.falsePositiveRate()).hasValue(0.0);
        assertThat(genuineOnly.accuracy()).isEqualTo(1.0);
        assertThatThrownBy(() -> ClassifierEvaluation.of(List.of(), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s(1.2, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: the rank statistic equals the O(n²) definition, ties included (scores rounded to force them). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void rocAucEqualsPairwiseDefinition(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 + rng.nextInt(300);
        int levels = 1 + rng.nextInt(seed % 2 == 0 ? 5 : 1000);
        List<LabelledScore> scored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean suspicious = i == 0 || (i != 1 && rng.nextDouble() < 0.3);
            double p = Math.min(1, Math.max(0, rng.nextGaussian() * 0.2 + (suspicious ? 0.6 : 0.4)));
            scored.add(s(Math.round(p * levels) / (double) levels, suspicious));
        }
        double wins = 0;
        long pairs = 0;
        for (LabelledScore a : scored) {
            for (LabelledScore b : scored) {
                if (a.suspicious() && !b.suspicious()) {
                    pairs++;
                    wins += a.probability() > b.probability() ? 1 : a.probability() == b.probability() ? 0.5 : 0;
                }
            }
        }
        assertThat(ClassifierEvaluation.rocAuc(scored).getAsDouble()).isCloseTo(wins / pairs, within(1e-12));
    }
}
