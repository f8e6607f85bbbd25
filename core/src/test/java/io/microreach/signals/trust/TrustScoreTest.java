package io.microreach.signals.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.signals.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TrustScoreTest {

    private static ComponentInput in(TrustComponent c, double goodness, Confidence confidence) {
        return new ComponentInput(c, goodness, goodness, null, "test", confidence, List.of("e-" + c.id()), null);
    }

    @Test
    void allComponentsPerfectGiveOneHundredAndAllZeroGiveZero() {
        List<ComponentInput> best = new ArrayList<>();
        List<ComponentInput> worst = new ArrayList<>();
        for (TrustComponent c : TrustComponent.values()) {
            best.add(in(c, 1, Confidence.HIGH));
            worst.add(in(c, 0, Confidence.HIGH));
        }
        assertThat(TrustScore.combine(best, TrustWeights.DEFAULT).score()).isEqualTo(100.0);
        assertThat(TrustScore.combine(worst, TrustWeights.DEFAULT).score()).isEqualTo(0.0);
        assertThat(TrustScore.combine(best, TrustWeights.DEFAULT).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void knownAnswerWithDefaultWeights() {
        // 0.25*0.8 + 0.20*0.5 + 0.15*1 + 0.15*0 + 0.10*0.6 + 0.10*1 + 0.05*0.2 = 0.62
        List<ComponentInput> inputs = List.of(
                in(TrustComponent.REAL_FOLLOWERS, 0.8, Confidence.HIGH),
                in(TrustComponent.ENGAGEMENT, 0.5, Confidence.HIGH),
                in(TrustComponent.REPLIES, 1.0, Confidence.HIGH),
                in(TrustComponent.COMMUNITY, 0.0, Confidence.HIGH),
                in(TrustComponent.AUTHENTICITY, 0.6, Confidence.HIGH),
                in(TrustComponent.NO_ANOMALIES, 1.0, Confidence.HIGH),
                in(TrustComponent.INVITING_CONTENT, 0.2, Confidence.HIGH));
        TrustScore score = TrustScore.combine(inputs, TrustWeights.DEFAULT);
        assertThat(score.score()).isEqualTo(62.0);
        assertThat(score.components())
                .filteredOn(c -> c.component() == TrustComponent.REAL_FOLLOWERS)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.contribution()).isCloseTo(20.0, within(1e-9));
                    assertThat(c.evidenceIds()).containsExactly("e-real_followers");
                });
    }

    @Test
    void unavailableComponentsDropOutAndTheRestIsReweighted() {
        List<ComponentInput> inputs = List.of(
                in(TrustComponent.REAL_FOLLOWERS, 1.0, Confidence.HIGH),
                in(TrustComponent.ENGAGEMENT, 0.0, Confidence.HIGH),
                in(TrustComponent.REPLIES, 1.0, Confidence.MEDIUM),
                in(TrustComponent.COMMUNITY, 1.0, Confidence.MEDIUM),
                ComponentInput.unavailable(TrustComponent.AUTHENTICITY, "fewer than 5 posts"));
        TrustScore score = TrustScore.combine(inputs, TrustWeights.DEFAULT);
        // available weight 0.75: (0.25 + 0.15 + 0.15) / 0.75
        assertThat(score.score()).isEqualTo(73.3);
        assertThat(score.coveredWeight()).isCloseTo(0.75, within(1e-9));
        assertThat(score.components())
                .filteredOn(c -> c.component() == TrustComponent.AUTHENTICITY)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.contribution()).isZero();
                    assertThat(c.unavailableReason()).isEqualTo("fewer than 5 posts");
                });
        assertThat(score.confidence()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    void tooLittleDataGivesNoScoreAndSaysWhy() {
        TrustScore score = TrustScore.combine(
                List.of(in(TrustComponent.INVITING_CONTENT, 1.0, Confidence.HIGH)), TrustWeights.DEFAULT);
        assertThat(score.score()).isNull();
        assertThat(score.unavailableReason()).contains("5%");
        assertThat(score.confidence()).isEqualTo(Confidence.NONE);
    }

    @Test
    void weightsAreValidated() {
        assertThatThrownBy(() -> TrustWeights.DEFAULT.with(TrustComponent.REPLIES, -1))
                .hasMessageContaining("replies");
        assertThatThrownBy(() -> new ComponentInput(
                        TrustComponent.REPLIES, 2.0, 2.0, null, "x", Confidence.HIGH, List.of(), null))
                .hasMessageContaining("0..1");
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void contributionsAddUpToTheScoreWhichStaysWithinBoundsAndRisesWithAnyComponent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ComponentInput> inputs = new ArrayList<>();
        for (TrustComponent c : TrustComponent.values()) {
            inputs.add(
                    random.nextInt(5) == 0
                            ? ComponentInput.unavailable(c, "none")
                            : in(c, random.nextDouble(), Confidence.values()[1 + random.nextInt(3)]));
        }
        TrustWeights weights = TrustWeights.DEFAULT.with(TrustComponent.COMMUNITY, random.nextDouble());
        TrustScore score = TrustScore.combine(inputs, weights);
        if (score.score() == null) {
            return;
        }
        assertThat(score.score()).isBetween(0.0, 100.0);
        double sum = score.components().stream()
                .mapToDouble(ScoredComponent::contribution)
                .sum();
        assertThat(score.score()).isCloseTo(sum, within(0.051));

        int i = random.nextInt(inputs.size());
        ComponentInput old = inputs.get(i);
        if (old.available() && old.goodness() < 1) {
            inputs.set(i, in(old.component(), Math.min(1, old.goodness() + 0.1), old.confidence()));
            assertThat(TrustScore.combine(inputs, weights).score()).isGreaterThanOrEqualTo(score.score());
        }
    }
}
