package io.microreach.signals.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.FollowerCount;
import io.microreach.domain.Platform;
import io.microreach.signals.Confidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FollowerSpikesTest {
    static final LocalDate START = LocalDate.of(2026, 8, 1);
    private final AnomalyDetector detector = new AnomalyDetector();

    static List<FollowerCount> history(long... counts) {
        List<FollowerCount> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new FollowerCount(Platform.INSTAGRAM, "acc", START.plusDays(i), counts[i]));
        }
        return out;
    }

    /** Organic growth of 30% a year with 0.3% daily noise; seeded. */
    static long[] organic(long start, int days, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] counts = new long[days];
        for (int i = 0; i < days; i++) {
            double trend = start * Math.exp(0.3 * i / 365);
            counts[i] = Math.round(trend * (1 + 0.003 * gaussian(rng)));
        }
        return counts;
    }

    static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void aFlatHistoryHasNoSpike() {
        long[] flat = new long[30];
        java.util.Arrays.fill(flat, 1000);
        SpikeScan scan = detector.followerSpikes(history(flat));

        assertThat(scan.available()).isTrue();
        assertThat(scan.spikes()).isEmpty();
        assertThat(scan.medianChange()).isZero();
        assertThat(scan.scale()).as("MAD 0: the floor applies").isEqualTo(0.0005);
        assertThat(scan.days()).isEqualTo(30);
    }

    @Test
    void oneJumpInAFlatHistoryIsFlaggedOnItsDayWithItsSize() {
        long[] counts = new long[30];
        for (int i = 0; i < 30; i++) {
            counts[i] = i < 17 ? 1000 : 1200;
        }
        SpikeScan scan = detector.followerSpikes(history(counts));

        assertThat(scan.spikes()).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(START.plusDays(17));
            assertThat(s.before()).isEqualTo(1000);
            assertThat(s.after()).isEqualTo(1200);
            assertThat(s.added()).isEqualTo(200);
            assertThat(s.percent()).isCloseTo(20.0, within(1e-9));
            assertThat(s.robustZ()).isCloseTo(0.2 / 0.0005, within(1e-6));
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void organicNoiseIsNeverASpikeButAPlantedJumpIs(long seed) {
        long[] counts = organic(5000, 90, seed);
        assertThat(detector.followerSpikes(history(counts)).spikes()).isEmpty();

        int day = 20 + (int) (seed * 5);
        long jump = Math.round(counts[day - 1] * 0.10);
        for (int i = day; i < counts.length; i++) {
            counts[i] += jump;
        }
        SpikeScan scan = detector.followerSpikes(history(counts));
        assertThat(scan.spikes()).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(START.plusDays(day));
            assertThat(s.robustZ()).isGreaterThan(6);
        });
        assertThat(scan.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aDropIsNotASpike() {
        long[] counts = new long[30];
        for (int i = 0; i < 30; i++) {
            counts[i] = i < 10 ? 1000 : 800;
        }
        assertThat(detector.followerSpikes(history(counts)).spikes()).isEmpty();
    }

    @Test
    void tinyAccountsNeedTenFollowersAndTwoPercent() {
        long[] small = new long[30];
        java.util.Arrays.fill(small, 200);
        for (int i = 15; i < 30; i++) {
            small[i] = 208; // +4%, far beyond the noise, but only 8 people
        }
        assertThat(detector.followerSpikes(history(small)).spikes()).isEmpty();

        long[] large = new long[30];
        java.util.Arrays.fill(large, 100_000);
        for (int i = 15; i < 30; i++) {
            large[i] = 101_500; // +1.5%: z is huge on a flat history, but below the 2% jump
        }
        assertThat(detector.followerSpikes(history(large)).spikes()).isEmpty();
    }

    @Test
    void tooShortAHistoryIsUnavailable() {
        SpikeScan scan =
                detector.followerSpikes(history(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 500));

        assertThat(scan.available()).isFalse();
        assertThat(scan.unavailableReason()).contains("13 days").contains("14");
        assertThat(scan.spikes()).isEmpty();
        assertThat(scan.medianChange()).isNull();
        assertThat(scan.confidence()).isEqualTo(Confidence.NONE);
    }

    @Test
    void missingDaysSpreadTheChangeOverTheGapAndOrderDoesNotMatter() {
        List<FollowerCount> days = new ArrayList<>(history(organic(5000, 40, 3)));
        days.remove(20);
        java.util.Collections.reverse(days);
        SpikeScan scan = detector.followerSpikes(days);

        assertThat(scan.available()).isTrue();
        assertThat(scan.spikes()).isEmpty();
        assertThat(scan.days()).isEqualTo(39);
    }
}
