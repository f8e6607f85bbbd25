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
        assertThat(score.unavailableReason()).contains("5%").contains("no engagement rate");
        assertThat(score.confidence()).isEqualTo(Confidence.NONE);
        assertThat(score.low()).isNull();
        assertThat(score.high()).isNull();
    }

    @Test
    void engagementAloneGivesAScoreWithAnEightyPointBandAndSixMissingComponents() {
        // A profile and its posts: engagement (weight 0.20) at the 70th percentile, nothing else.
        TrustScore score = TrustScore.combine(
                List.of(in(TrustComponent.ENGAGEMENT, 0.7, Confidence.MEDIUM)), TrustWeights.DEFAULT);
        assertThat(score.score()).isEqualTo(70.0);
        assertThat(score.coveredWeight()).isCloseTo(0.2, within(1e-9));
        // low = 100 * 0.2 * 0.7 / 1.0 = 14; high = 14 + 100 * 0.8 = 94.
        assertThat(score.low()).isEqualTo(14.0);
        assertThat(score.high()).isEqualTo(94.0);
        assertThat(score.confidence()).isEqualTo(Confidence.LOW);
        assertThat(score.missing())
                .extracting(ScoredComponent::component)
                .containsExactly(
                        TrustComponent.REAL_FOLLOWERS,
                        TrustComponent.REPLIES,
                        TrustComponent.COMMUNITY,
                        TrustComponent.AUTHENTICITY,
                        TrustComponent.NO_ANOMALIES,
                        TrustComponent.INVITING_CONTENT);
        assertThat(score.missing())
                .allSatisfy(c -> assertThat(c.unavailableReason()).isEqualTo("not computed"));
    }

    @Test
    void captionsAndEngagementGiveANarrowerBandThanEngagementAlone() {
        // The case: profile + 12 posts with captions: engagement, authenticity and inviting content (35%).
        TrustScore score = TrustScore.combine(
                List.of(
                        in(TrustComponent.ENGAGEMENT, 0.5, Confidence.MEDIUM),
                        in(TrustComponent.AUTHENTICITY, 1.0, Confidence.LOW),
                        in(TrustComponent.INVITING_CONTENT, 0.4, Confidence.LOW)),
                TrustWeights.DEFAULT);
        // (0.2*0.5 + 0.1*1 + 0.05*0.4) / 0.35 = 0.22 / 0.35 = 62.857...
        assertThat(score.score()).isEqualTo(62.9);
        assertThat(score.low()).isEqualTo(22.0);
        assertThat(score.high()).isEqualTo(87.0);
        assertThat(score.missing()).hasSize(4);
    }

    @Test
    void fullDataGivesABandOfWidthZeroAroundTheScore() {
        List<ComponentInput> inputs = new ArrayList<>();
        for (TrustComponent c : TrustComponent.values()) {
            inputs.add(in(c, 0.6, Confidence.HIGH));
        }
        TrustScore score = TrustScore.combine(inputs, TrustWeights.DEFAULT);
        assertThat(score.score()).isEqualTo(60.0);
        assertThat(score.low()).isEqualTo(60.0);
        assertThat(score.high()).isEqualTo(60.0);
        assertThat(score.missing()).isEmpty();
    }

    @Test
    void withoutEngagementHalfOfTheWeightIsStillEnough() {
        List<ComponentInput> inputs = List.of(
                in(TrustComponent.REAL_FOLLOWERS, 1.0, Confidence.HIGH),
                in(TrustComponent.REPLIES, 0.0, Confidence.HIGH),
                in(TrustComponent.COMMUNITY, 1.0, Confidence.HIGH),
                ComponentInput.unavailable(TrustComponent.ENGAGEMENT, "too few peers: 4 in instagram/mid"));
        TrustScore score = TrustScore.combine(inputs, TrustWeights.DEFAULT);
        // 0.55 of the weight: (0.25 + 0.15) / 0.55
        assertThat(score.score()).isEqualTo(72.7);
        assertThat(score.low()).isEqualTo(40.0);
        assertThat(score.high()).isEqualTo(85.0);
        assertThat(score.missing())
                .filteredOn(c -> c.component() == TrustComponent.ENGAGEMENT)
                .singleElement()
                .satisfies(c -> assertThat(c.unavailableReason()).startsWith("too few peers"));

        TrustScore without = TrustScore.combine(inputs.subList(1, 4), TrustWeights.DEFAULT);
        assertThat(without.score()).isNull();
        assertThat(without.unavailableReason()).contains("30%");
    }

    @Test
    void engagementWithZeroWeightDoesNotAnchorAScore() {
        TrustScore score = TrustScore.combine(
                List.of(in(TrustComponent.ENGAGEMENT, 0.7, Confidence.HIGH)),
                TrustWeights.DEFAULT.with(TrustComponent.ENGAGEMENT, 0));
        assertThat(score.score()).isNull();
    }

    @Test
    void weightsAreValidated() {
        assertThatThrownBy(() -> TrustWeights.DEFAULT.with(TrustComponent.REPLIES, -1))
                .hasMessageContaining("replies");
        assertThatThrownBy(() -> new ComponentInput(
                        TrustComponent.REPLIES, 2.0, 2.0, null, "x", Confidence.HIGH, List.of(), null))
                .hasMessageContaining("0..1");
    }

    /**
     * Only the anomaly checks that ran earn points: a clean spike scan (half of the component) next to fake followers
     * counts on 5% of the weight, not 10%, so the score rests on 95% of the weight and the other 5% is in the band.
     */
    @Test
    void aPartlyCheckedComponentEarnsOnlyItsCheckedShareAndTheRestIsMissing() {
        List<ComponentInput> inputs = new ArrayList<>();
        for (TrustComponent c : TrustComponent.values()) {
            if (c == TrustComponent.NO_ANOMALIES) {
                inputs.add(new ComponentInput(c, 0.0, 1.0, null, "spikes only", Confidence.HIGH, List.of(), null, 0.5));
            } else if (c == TrustComponent.REAL_FOLLOWERS) {
                inputs.add(in(c, 0.0, Confidence.HIGH));
            } else {
                inputs.add(in(c, 1.0, Confidence.HIGH));
            }
        }
        TrustScore score = TrustScore.combine(inputs, TrustWeights.DEFAULT);
        // (0.95 - 0.25) / 0.95: the fake followers weigh more against a partly checked anomaly component.
        assertThat(score.score()).isEqualTo(73.7);
        assertThat(score.coveredWeight()).isCloseTo(0.95, within(1e-9));
        assertThat(score.low()).isEqualTo(70.0);
        assertThat(score.high()).isEqualTo(75.0);
        ScoredComponent anomalies = score.components().stream()
                .filter(c -> c.component() == TrustComponent.NO_ANOMALIES)
                .findFirst()
                .orElseThrow();
        assertThat(anomalies.weight()).isEqualTo(0.10);
        assertThat(anomalies.coverage()).isEqualTo(0.5);
        assertThat(anomalies.contribution()).isCloseTo(100 * 0.05 / 0.95, within(1e-9));
        assertThatThrownBy(() -> new ComponentInput(
                        TrustComponent.NO_ANOMALIES, 0.0, 1.0, null, "x", Confidence.HIGH, List.of(), null, 0.0))
                .hasMessageContaining("coverage");
    }

    /**
     * Property: with a random coverage c on the anomaly component, the band holds the full-data score whatever the
     * unchecked part turns out to be (goodness c·g + (1 − c)·x for x = 0 and 1), and its width is the missing share.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theBandHoldsTheFullDataScoreOfAPartlyCheckedComponent(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double coverage = 0.05 + 0.95 * random.nextDouble();
        List<ComponentInput> partial = new ArrayList<>();
        List<ComponentInput> low = new ArrayList<>();
        List<ComponentInput> high = new ArrayList<>();
        for (TrustComponent c : TrustComponent.values()) {
            double g = random.nextDouble();
            if (c == TrustComponent.NO_ANOMALIES) {
                partial.add(new ComponentInput(c, 0.0, g, null, "x", Confidence.MEDIUM, List.of(), null, coverage));
                low.add(in(c, coverage * g, Confidence.MEDIUM));
                high.add(in(c, coverage * g + 1 - coverage, Confidence.MEDIUM));
            } else {
                ComponentInput x = in(c, g, Confidence.MEDIUM);
                partial.add(x);
                low.add(x);
                high.add(x);
            }
        }
        TrustScore score = TrustScore.combine(partial, TrustWeights.DEFAULT);
        for (List<ComponentInput> complete : List.of(low, high)) {
            double exact = 100 * exactWeightedMean(complete, TrustWeights.DEFAULT);
            assertThat(exact).isBetween(score.low() - 1e-9, score.high() + 1e-9);
        }
        assertThat(score.score()).isBetween(score.low(), score.high());
        assertThat(score.high() - score.low()).isCloseTo(100 * 0.10 * (1 - coverage), within(0.2 + 1e-9));
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

    /**
     * Property against the exact definition: start from a full scorecard with random values, remove random components
     * one at a time; at every step the band holds the full-data score and the score, and it is never narrower than
     * the band of the step before (so adding components, with any values, never widens it).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void theBandHoldsTheFullDataScoreAndNarrowsAsComponentsAreAdded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TrustWeights weights = TrustWeights.DEFAULT;
        for (TrustComponent c : TrustComponent.values()) {
            if (random.nextInt(3) == 0) {
                weights = weights.with(c, random.nextDouble());
            }
        }
        weights = weights.with(TrustComponent.ENGAGEMENT, 0.05 + random.nextDouble());
        List<ComponentInput> full = new ArrayList<>();
        for (TrustComponent c : TrustComponent.values()) {
            double g = random.nextInt(6) == 0 ? random.nextInt(2) : random.nextDouble();
            full.add(in(c, g, Confidence.values()[1 + random.nextInt(3)]));
        }
        TrustScore complete = TrustScore.combine(full, weights);
        assertThat(complete.high() - complete.low()).isLessThanOrEqualTo(0.1 + 1e-9);
        double exact = 100 * exactWeightedMean(full, weights);

        // Remove components in random order, engagement last, so that every step keeps a score.
        List<TrustComponent> order = new ArrayList<>(List.of(TrustComponent.values()));
        order.remove(TrustComponent.ENGAGEMENT);
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        List<ComponentInput> current = new ArrayList<>(full);
        double previousWidth = complete.high() - complete.low();
        for (TrustComponent drop : order) {
            current.replaceAll(in -> in.component() == drop ? ComponentInput.unavailable(drop, "removed") : in);
            TrustScore partial = TrustScore.combine(current, weights);
            assertThat(partial.score()).isNotNull();
            assertThat(exact).isBetween(partial.low() - 1e-9, partial.high() + 1e-9);
            assertThat(partial.score()).isBetween(partial.low(), partial.high());
            double width = partial.high() - partial.low();
            assertThat(width).isGreaterThanOrEqualTo(previousWidth - 0.2 - 1e-9);
            // Exact width (before outward rounding): the missing share of the weight.
            assertThat(width).isCloseTo(100 * (1 - partial.coveredWeight()), within(0.2 + 1e-9));
            previousWidth = width;
        }
    }

    private static double exactWeightedMean(List<ComponentInput> inputs, TrustWeights weights) {
        double sum = 0;
        double total = 0;
        for (ComponentInput in : inputs) {
            sum += weights.of(in.component()) * in.goodness();
            total += weights.of(in.component());
        }
        return sum / total;
    }
}
