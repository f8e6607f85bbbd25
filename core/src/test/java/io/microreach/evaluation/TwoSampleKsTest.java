package io.microreach.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwoSampleKsTest {

    @Test
    void separatedSamplesHaveTheSmallestPossiblePValue() {
        // Known answer: D = 1 and p = 2 / C(10, 5) = 2/252 (SciPy ks_2samp, method="exact").
        var r = TwoSampleKs.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertThat(r.d()).isEqualTo(1.0);
        assertThat(r.exact()).isTrue();
        assertThat(r.pValue()).isCloseTo(2.0 / 252, within(1e-12));
    }

    @Test
    void interleavedSamplesMatchTheReferenceImplementation() {
        // SciPy ks_2samp(..., method="exact"): D = 0.5, p = 0.30169830169830175.
        var r = TwoSampleKs.test(
                new double[] {0.1, 0.5, 0.9, 1.3, 2.0, 2.2}, new double[] {0.3, 0.4, 1.1, 1.2, 3.0, 3.5, 4.0, 4.1});
        assertThat(r.d()).isCloseTo(0.5, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.30169830169830175, within(1e-9));
        assertThat(r.n()).isEqualTo(6);
        assertThat(r.m()).isEqualTo(8);
    }

    @Test
    void exactPValueEqualsTheShareOfAllSplitsOfThePooledSample() {
        // Property against an exact reference: enumerate every way to split the pooled sample into groups of n
        // and m and count the splits whose D is at least the observed one.
        SplittableRandom rng = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(6);
            int m = 1 + rng.nextInt(6);
            double[] a = rng.doubles(n).toArray();
            double[] b = rng.doubles(m).map(v -> v + 0.3 * rng.nextDouble()).toArray();
            var r = TwoSampleKs.test(a, b);
            assertThat(r.pValue()).as("n=%d m=%d", n, m).isCloseTo(bruteForce(a, b, r.d()), within(1e-9));
        }
    }

    @Test
    void statisticIsTheLargestGapEvenWithTies() {
        double[] x = {0, 0, 0, 1, 2};
        double[] y = {0, 1, 1, 1, 5};
        // ECDFs after 0: 3/5 vs 1/5; after 1: 4/5 vs 4/5; after 2: 1 vs 4/5.
        assertThat(TwoSampleKs.test(x, y).d()).isCloseTo(0.4, within(1e-12));
        assertThat(TwoSampleKs.test(x, x.clone()).d()).isZero();
        assertThat(TwoSampleKs.test(x, x.clone()).pValue()).isEqualTo(1.0);
    }

    @Test
    void largeSamplesUseTheLimitDistribution() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] a = new double[3000];
        double[] b = new double[2500];
        Arrays.setAll(a, i -> rng.nextGaussian());
        Arrays.setAll(b, i -> rng.nextGaussian() + 0.1);
        var r = TwoSampleKs.test(a, b);
        assertThat(r.exact()).isFalse();
        // At D = 1/30 with these sizes SciPy's asymptotic p-value is 0.0944.
        assertThat(TwoSampleKs.asymptoticPValue(1.0 / 30, 3000, 2500)).isCloseTo(0.0944, within(0.003));
        assertThat(r.d()).isBetween(0.0, 0.2);
    }

    @Test
    void exactAndAsymptoticAgreeNearTheBoundary() {
        assertThat(TwoSampleKs.exactPValue(0.1, 1000, 1000))
                .isCloseTo(TwoSampleKs.asymptoticPValue(0.1, 1000, 1000), within(0.005));
    }

    @Test
    void refusesEmptySamplesAndNaN() {
        assertThatThrownBy(() -> TwoSampleKs.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> TwoSampleKs.test(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }

    private static double bruteForce(double[] a, double[] b, double observed) {
        int n = a.length;
        int total = n + b.length;
        double[] pooled = new double[total];
        System.arraycopy(a, 0, pooled, 0, n);
        System.arraycopy(b, 0, pooled, n, b.length);
        int extreme = 0;
        int splits = 0;
        for (int mask = 0; mask < 1 << total; mask++) {
            if (Integer.bitCount(mask) != n) {
                continue;
            }
            double[] x = new double[n];
            double[] y = new double[b.length];
            int xi = 0;
            int yi = 0;
            for (int k = 0; k < total; k++) {
                if ((mask & (1 << k)) != 0) {
                    x[xi++] = pooled[k];
                } else {
                    y[yi++] = pooled[k];
                }
            }
            Arrays.sort(x);
            Arrays.sort(y);
            splits++;
            if (TwoSampleKs.statistic(x, y) >= observed - 1e-12) {
                extreme++;
            }
        }
        return (double) extreme / splits;
    }
}
