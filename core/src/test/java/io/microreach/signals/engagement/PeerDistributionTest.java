package io.microreach.signals.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Platform;
import io.microreach.domain.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PeerDistributionTest {
    private static final PeerGroup IG_MICRO = PeerGroup.of(Platform.INSTAGRAM, Tier.MICRO);

    private static List<PeerValue> rows(Platform platform, Tier tier, String niche, double... values) {
        List<PeerValue> out = new ArrayList<>();
        for (double v : values) {
            out.add(PeerValue.of(platform, tier, niche, v));
        }
        return out;
    }

    @Test
    void midRankPercentileKnownAnswers() {
        PeerDistribution d = PeerDistribution.of(rows(Platform.INSTAGRAM, Tier.MICRO, null, 1, 2, 3, 4), 1);

        assertThat(d.percentile(IG_MICRO, 3).percentile()).isCloseTo(62.5, within(1e-12));
        assertThat(d.percentile(IG_MICRO, 1).percentile()).isCloseTo(12.5, within(1e-12));
        assertThat(d.percentile(IG_MICRO, 0.5).percentile()).isZero();
        assertThat(d.percentile(IG_MICRO, 2.5).percentile()).isCloseTo(50, within(1e-12));
        assertThat(d.percentile(IG_MICRO, 9).percentile()).isCloseTo(100, within(1e-12));
        assertThat(d.percentile(IG_MICRO, 3).peers()).isEqualTo(4);
    }

    @Test
    void tiesShareOnePercentile() {
        PeerDistribution d = PeerDistribution.of(rows(Platform.INSTAGRAM, Tier.MICRO, null, 1, 2, 2, 2, 3), 1);
        // L = 1 below, E = 3 equal, N = 5: (1 + 1.5) / 5.
        assertThat(d.percentile(IG_MICRO, 2).percentile()).isCloseTo(50, within(1e-12));

        PeerDistribution allEqual = PeerDistribution.of(rows(Platform.INSTAGRAM, Tier.MICRO, null, 7, 7, 7), 1);
        assertThat(allEqual.percentile(IG_MICRO, 7).percentile()).isCloseTo(50, within(1e-12));
        assertThat(PeerDistribution.of(rows(Platform.INSTAGRAM, Tier.MICRO, null, 0.0, -0.0), 1)
                        .percentile(IG_MICRO, 0.0)
                        .percentile())
                .isCloseTo(50, within(1e-12));
    }

    @Test
    void fewerPeersThanTheMinimumGiveNoPercentile() {
        PeerDistribution d = PeerDistribution.of(rows(Platform.INSTAGRAM, Tier.MICRO, null, 1, 2, 3, 4), 5);

        Percentile p = d.percentile(IG_MICRO, 3);
        assertThat(p.available()).isFalse();
        assertThat(p.peers()).isEqualTo(4);
        assertThat(p.unavailableReason()).isEqualTo("too few peers: 4 in instagram/micro, at least 5 needed");
        Percentile none = d.percentile(PeerGroup.of(Platform.TIKTOK, Tier.MICRO), 3);
        assertThat(none.available()).isFalse();
        assertThat(none.peers()).isZero();

        PeerDistribution five = PeerDistribution.of(rows(Platform.INSTAGRAM, Tier.MICRO, null, 1, 2, 3, 4, 5), 5);
        assertThat(five.percentile(IG_MICRO, 3).percentile()).isCloseTo(50, within(1e-12));
    }

    @Test
    void peersAreSamePlatformAndTierAndOptionallyNiche() {
        List<PeerValue> pool = new ArrayList<>();
        pool.addAll(rows(Platform.INSTAGRAM, Tier.MICRO, "fitness", 1, 2, 3));
        pool.addAll(rows(Platform.INSTAGRAM, Tier.MICRO, "gaming", 10, 20));
        pool.add(new PeerValue(Platform.INSTAGRAM, Tier.MICRO, Set.of("fitness", "gaming"), 4));
        pool.addAll(rows(Platform.INSTAGRAM, Tier.MID, null, 100, 200));
        pool.addAll(rows(Platform.TIKTOK, Tier.MICRO, null, 100, 200));
        PeerDistribution d = PeerDistribution.of(pool, 3);

        // A creator with two niches counts once in its tier and once in each niche.
        assertThat(d.peers(IG_MICRO)).isEqualTo(6);
        assertThat(d.peers(new PeerGroup(Platform.INSTAGRAM, Tier.MICRO, "fitness")))
                .isEqualTo(4);
        assertThat(d.peers(new PeerGroup(Platform.INSTAGRAM, Tier.MICRO, "gaming")))
                .isEqualTo(3);
        assertThat(d.groups()).hasSize(5).first().isEqualTo(IG_MICRO);
        // Among the four fitness creators 4 is the top one; among all six of the tier it is in the middle.
        assertThat(d.percentile(new PeerGroup(Platform.INSTAGRAM, Tier.MICRO, "fitness"), 4)
                        .percentile())
                .isCloseTo(87.5, within(1e-12));
        assertThat(d.percentile(IG_MICRO, 4).percentile()).isCloseTo(7 / 12.0 * 100, within(1e-9));

        Percentile fallback = d.percentileWithNicheFallback(new PeerGroup(Platform.INSTAGRAM, Tier.MICRO, "travel"), 4);
        assertThat(fallback.group()).isEqualTo(IG_MICRO);
        Percentile niche = d.percentileWithNicheFallback(new PeerGroup(Platform.INSTAGRAM, Tier.MICRO, "gaming"), 4);
        assertThat(niche.group().niche()).isEqualTo("gaming");
        assertThat(niche.percentile()).isCloseTo(100 / 6.0, within(1e-9));
        assertThat(d.percentile(PeerGroup.of(Platform.INSTAGRAM, Tier.MID), 4).available())
                .isFalse();
    }

    @Test
    void invalidInputIsRefused() {
        assertThatThrownBy(() -> PeerValue.of(Platform.INSTAGRAM, Tier.MICRO, null, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerDistribution.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        PeerDistribution d = PeerDistribution.of(List.of());
        assertThatThrownBy(() -> d.percentile(IG_MICRO, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 25);
    }

    /** Properties against a brute-force reference, on random pools with many ties. */
    @ParameterizedTest
    @MethodSource("seeds")
    void percentilesMatchTheReferenceStayInRangeAndGrowWithTheValue(int seed) {
        Random rnd = new Random(seed);
        Tier[] tiers = Tier.values();
        List<PeerValue> pool = new ArrayList<>();
        int n = 1 + rnd.nextInt(300);
        for (int i = 0; i < n; i++) {
            // Values on a coarse grid so ties are common.
            double v = Math.round(rnd.nextGaussian() * 4) / 2.0;
            pool.add(PeerValue.of(
                    rnd.nextBoolean() ? Platform.INSTAGRAM : Platform.TIKTOK,
                    tiers[rnd.nextInt(2)],
                    rnd.nextInt(3) == 0 ? null : "n" + rnd.nextInt(3),
                    v));
        }
        int minimum = 1 + rnd.nextInt(10);
        PeerDistribution d = PeerDistribution.of(pool, minimum);
        List<PeerValue> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, rnd);
        PeerDistribution reordered = PeerDistribution.of(shuffled, minimum);

        for (PeerGroup group : d.groups()) {
            List<Double> peers = pool.stream()
                    .filter(r -> r.platform() == group.platform() && r.tier() == group.tier())
                    .filter(r -> group.niche() == null || r.niches().contains(group.niche()))
                    .map(PeerValue::value)
                    .toList();
            assertThat(d.peers(group)).isEqualTo(peers.size());
            double previous = -1;
            for (double q = -8; q <= 8; q += 0.25) {
                Percentile p = d.percentile(group, q);
                assertThat(reordered.percentile(group, q)).isEqualTo(p);
                if (peers.size() < minimum) {
                    assertThat(p.available()).isFalse();
                    continue;
                }
                final double value = q;
                long below = peers.stream().filter(x -> x < value).count();
                long equal = peers.stream().filter(x -> x == value).count();
                double reference = 100.0 * (below + equal / 2.0) / peers.size();
                assertThat(p.percentile()).isCloseTo(reference, within(1e-9));
                assertThat(p.percentile()).isBetween(0.0, 100.0);
                assertThat(p.percentile()).isGreaterThanOrEqualTo(previous);
                previous = p.percentile();
            }
            if (peers.size() >= minimum) {
                for (double member : peers) {
                    assertThat(d.percentile(group, member).percentile()).isStrictlyBetween(0.0, 100.0);
                }
            }
        }
    }
}
