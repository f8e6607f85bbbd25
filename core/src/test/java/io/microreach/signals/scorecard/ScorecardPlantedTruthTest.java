package io.microreach.signals.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.generator.GeneratorConfig;
import io.microreach.signals.GeneratedPool;
import io.microreach.signals.trust.ScoredComponent;
import io.microreach.signals.trust.TrustComponent;
import io.microreach.signals.trust.TrustWeights;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole scorecard on generated data: trust follows what the generator planted. */
class ScorecardPlantedTruthTest {
    @TempDir
    static Path dir;

    static List<GeneratedPool.Member> pool;
    static List<Scorecard> cards;

    @BeforeAll
    static void score() {
        pool = GeneratedPool.generate(GeneratorConfig.of(250, 99).withFollowerSampleSize(150), dir);
        SignalSuite suite = new SignalSuite();
        List<AccountSignals> signals =
                pool.parallelStream().map(m -> suite.measure(m.activity())).toList();
        PoolStatistics.Builder builder = PoolStatistics.builder();
        signals.forEach(builder::add);
        PoolStatistics stats = builder.build();
        ScorecardAssembler assembler = new ScorecardAssembler(TrustWeights.DEFAULT, suite.anomalyDetector());
        cards = new ArrayList<>();
        for (AccountSignals s : signals) {
            cards.add(assembler.assemble(s, stats, Instant.parse("2026-11-01T00:00:00Z")));
        }
    }

    @Test
    void everyAccountGetsATrustScoreWhoseContributionsAddUp() {
        assertThat(cards).hasSameSizeAs(pool);
        long scored = cards.stream().filter(c -> c.trustScore() != null).count();
        assertThat(scored).isGreaterThan(cards.size() * 9L / 10);
        for (Scorecard c : cards) {
            if (c.trustScore() != null) {
                assertThat(c.trustScore()).isBetween(0.0, 100.0);
                double sum = c.components().stream()
                        .mapToDouble(ScoredComponent::contribution)
                        .sum();
                assertThat(c.trustScore()).isCloseTo(sum, within(0.051));
                assertThat(c.components()).hasSize(TrustComponent.values().length);
            } else {
                assertThat(c.unavailable())
                        .anySatisfy(u -> assertThat(u.metric()).isEqualTo("trustScore"));
            }
        }
    }

    @Test
    void fullyMeasuredAccountsGetANarrowBandAndPartlyMeasuredOnesAWiderOne() {
        int full = 0;
        for (Scorecard c : cards) {
            if (c.trustScore() == null) {
                continue;
            }
            double width = c.trustHigh() - c.trustLow();
            assertThat(c.trustScore()).isBetween(c.trustLow(), c.trustHigh());
            assertThat(width).isCloseTo(100 * (1 - c.trustCoveredWeight()), within(0.2 + 1e-9));
            // Missing: every component without data, and every partly checked one (its unchecked share).
            assertThat(c.missingEvidence()).hasSize((int) c.components().stream()
                    .filter(k -> k.unavailableReason() != null || k.coverage() < 1)
                    .count());
            if (c.missingEvidence().isEmpty()) {
                full++;
                assertThat(width).isLessThanOrEqualTo(0.1 + 1e-9);
            }
        }
        // The generator plants data for every signal on most accounts.
        assertThat(full).isGreaterThan(cards.size() / 2);
    }

    @Test
    void boughtFollowersLowerTheTrustScore() {
        List<Double> bought = new ArrayList<>();
        List<Double> clean = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            Double trust = cards.get(i).trustScore();
            if (trust == null) {
                continue;
            }
            double fake = pool.get(i)
                    .truth()
                    .path("follower_sample")
                    .path("fake_share")
                    .asDouble();
            if (fake >= 0.3) {
                bought.add(trust);
            } else if (fake <= 0.1) {
                clean.add(trust);
            }
        }
        assertThat(bought).hasSizeGreaterThan(5);
        assertThat(median(bought)).isLessThan(median(clean) - 5);
    }

    @Test
    void headlineMetricsFollowThePlantedValues() {
        int checked = 0;
        for (int i = 0; i < pool.size(); i++) {
            Scorecard c = cards.get(i);
            var truth = pool.get(i).truth();
            if (c.suspiciousShare() != null) {
                double exact = truth.path("follower_sample").path("fake_count").asDouble()
                        / truth.path("follower_sample").path("size").asDouble();
                assertThat(c.suspiciousShare().estimate()).isCloseTo(exact, within(0.15));
                checked++;
            }
            assertThat(c.tier()).isEqualTo(truth.path("tier").asText());
        }
        assertThat(checked).isGreaterThan(pool.size() / 2);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
