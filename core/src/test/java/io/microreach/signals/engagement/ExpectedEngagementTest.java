package io.microreach.signals.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.microreach.domain.Platform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExpectedEngagementTest {

    @Test
    void anExactPowerLawIsRecoveredAndHasNoSpreadForAZScore() {
        List<ErObservation> pool = new ArrayList<>();
        for (long f = 100; f <= 1_000_000; f *= 2) {
            pool.add(new ErObservation(Platform.INSTAGRAM, f, 0.5 * Math.pow(f, -0.3)));
        }
        ExpectedEngagement fit = ExpectedEngagement.fit(pool, 5);
        ErCurve curve = fit.curve(Platform.INSTAGRAM).orElseThrow();

        assertThat(curve.slope()).isCloseTo(-0.3, within(1e-9));
        assertThat(curve.intercept()).isCloseTo(Math.log(0.5), within(1e-9));
        assertThat(curve.residualSd()).isCloseTo(0, within(1e-9));
        assertThat(curve.expectedEr(10_000)).isCloseTo(0.5 * Math.pow(10_000, -0.3), within(1e-12));
        assertThat(curve.points()).isEqualTo(pool.size());
        assertThat(curve.minFollowers()).isEqualTo(100);
        assertThat(curve.maxFollowers()).isEqualTo(100 * (1L << 13));
    }

    @Test
    void deviationRatioAndZScoreKnownAnswer() {
        // Residuals +0.1 and -0.1 around ln(ER) = ln(0.2) - 0.4 ln(f) at every follower count: the line is exact,
        // SSR = n · 0.01 and the residual sd is sqrt(n · 0.01 / (n - 2)).
        List<ErObservation> pool = new ArrayList<>();
        long[] followers = {500, 1_000, 5_000, 20_000, 100_000};
        for (long f : followers) {
            double center = Math.log(0.2) - 0.4 * Math.log(f);
            pool.add(new ErObservation(Platform.TIKTOK, f, Math.exp(center + 0.1)));
            pool.add(new ErObservation(Platform.TIKTOK, f, Math.exp(center - 0.1)));
        }
        ExpectedEngagement fit = ExpectedEngagement.fit(pool, 10);
        ErCurve curve = fit.curve(Platform.TIKTOK).orElseThrow();
        double sd = Math.sqrt(10 * 0.01 / 8);
        assertThat(curve.residualSd()).isCloseTo(sd, within(1e-9));
        double mx = Arrays.stream(followers).mapToDouble(Math::log).average().orElseThrow();
        double sxx = 2
                * Arrays.stream(followers)
                        .mapToDouble(f -> Math.pow(Math.log(f) - mx, 2))
                        .sum();
        assertThat(curve.slopeStandardError()).isCloseTo(sd / Math.sqrt(sxx), within(1e-9));

        double expected = 0.2 * Math.pow(10_000, -0.4);
        ErDeviation twice = fit.deviation(Platform.TIKTOK, 10_000, 2 * expected);
        assertThat(twice.expectedEr()).isCloseTo(expected, within(1e-12));
        assertThat(twice.ratio()).isCloseTo(2, within(1e-9));
        assertThat(twice.logResidual()).isCloseTo(Math.log(2), within(1e-9));
        assertThat(twice.zScore()).isCloseTo(Math.log(2) / sd, within(1e-9));
        assertThat(twice.extrapolated()).isFalse();
        assertThat(twice.unavailableReason()).isNull();
        assertThat(fit.deviation(Platform.TIKTOK, 1_000_000, 0.01).extrapolated())
                .isTrue();

        ErDeviation zero = fit.deviation(Platform.TIKTOK, 10_000, 0);
        assertThat(zero.ratio()).isZero();
        assertThat(zero.zScore()).isNull();
        assertThat(zero.unavailableReason()).contains("ER is 0");
        assertThat(fit.deviation(Platform.TIKTOK, 0, 0.1).available()).isFalse();
    }

    @Test
    void zeroErIsSkippedAndCountedNotClamped() {
        List<ErObservation> pool = new ArrayList<>();
        for (long f = 100; f <= 100_000; f *= 2) {
            pool.add(new ErObservation(Platform.YOUTUBE, f, 0.3 * Math.pow(f, -0.25)));
            pool.add(new ErObservation(Platform.YOUTUBE, f, 0));
        }
        pool.add(new ErObservation(Platform.YOUTUBE, 0, 0.1));
        ErCurve curve = ExpectedEngagement.fit(pool, 5).curve(Platform.YOUTUBE).orElseThrow();

        assertThat(curve.slope()).isCloseTo(-0.25, within(1e-9));
        assertThat(curve.skipped()).isEqualTo(11);
    }

    @Test
    void tooFewCreatorsOrOneFollowerCountGiveNoCurve() {
        List<ErObservation> pool = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            pool.add(new ErObservation(Platform.BLUESKY, 1_000 + 100L * i, 0.05));
            pool.add(new ErObservation(Platform.INSTAGRAM, 1_000, 0.01 * (i + 1)));
        }
        ExpectedEngagement fit = ExpectedEngagement.fit(pool);

        assertThat(fit.curves()).isEmpty();
        ErDeviation bluesky = fit.deviation(Platform.BLUESKY, 1_000, 0.05);
        assertThat(bluesky.available()).isFalse();
        assertThat(bluesky.unavailableReason()).contains("29 with ER > 0").contains("at least 30");
        pool.add(new ErObservation(Platform.INSTAGRAM, 1_000, 0.5));
        assertThat(ExpectedEngagement.fit(pool)
                        .deviation(Platform.INSTAGRAM, 1_000, 0.1)
                        .unavailableReason())
                .contains("same follower count");
        assertThat(fit.deviation(Platform.TIKTOK, 1_000, 0.1).unavailableReason())
                .isEqualTo("no creators on tiktok in the pool");
        assertThatThrownBy(() -> ExpectedEngagement.fit(pool, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErObservation(Platform.TIKTOK, 10, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 20);
    }

    /**
     * Against a reference: the raw normal equations solved by Cramer's rule (a different computation than the
     * centred sums of the implementation), and the residual sd recomputed from the reference line.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void fitMatchesTheNormalEquations(int seed) {
        Random rnd = new Random(seed);
        int n = 30 + rnd.nextInt(200);
        double trueSlope = -0.6 + 0.5 * rnd.nextDouble();
        List<ErObservation> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long f = Math.round(Math.pow(10, 2 + 4 * rnd.nextDouble()));
            double er = Math.exp(0.3 + trueSlope * Math.log(f) + 0.5 * rnd.nextGaussian());
            pool.add(new ErObservation(Platform.INSTAGRAM, f, er));
        }
        ErCurve curve = ExpectedEngagement.fit(pool).curve(Platform.INSTAGRAM).orElseThrow();

        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (ErObservation o : pool) {
            double x = Math.log(o.followers());
            double y = Math.log(o.er());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double det = n * sxx - sx * sx;
        double slope = (n * sxy - sx * sy) / det;
        double intercept = (sxx * sy - sx * sxy) / det;
        double ssr = 0;
        for (ErObservation o : pool) {
            double r = Math.log(o.er()) - intercept - slope * Math.log(o.followers());
            ssr += r * r;
        }
        assertThat(curve.slope()).isCloseTo(slope, within(1e-9));
        assertThat(curve.intercept()).isCloseTo(intercept, within(1e-8));
        assertThat(curve.residualSd()).isCloseTo(Math.sqrt(ssr / (n - 2)), within(1e-9));
        assertThat(curve.slopeStandardError())
                .isCloseTo(Math.sqrt(ssr / (n - 2)) / Math.sqrt(sxx - sx * sx / n), within(1e-9));
        // With 30+ points and noise sd 0.5 over four decades the slope is recovered to about ±0.1.
        assertThat(curve.slope()).isCloseTo(trueSlope, within(0.15));
        // The residuals of a least-squares line have mean 0, so z-scores centre on 0.
        double meanZ = pool.stream()
                .mapToDouble(o -> ExpectedEngagement.fit(pool)
                        .deviation(Platform.INSTAGRAM, o.followers(), o.er())
                        .zScore())
                .average()
                .orElseThrow();
        assertThat(meanZ).isCloseTo(0, within(1e-9));
    }
}
