package io.microreach.evaluation;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test: D is the largest gap between the two samples' empirical distribution
 * functions, and the p-value the chance of a gap at least that large when both samples come from one continuous
 * distribution.
 *
 * <p>The p-value is exact when {@code n·m} is at most {@value #EXACT_LIMIT}: it counts the monotone lattice paths
 * from (0, 0) to (n, m) whose every point (i, j) keeps {@code |i/n − j/m|} below D, as a probability over the
 * {@code C(n+m, n)} equally likely orders of the pooled sample (the recurrence of R's {@code psmirnov2x}, each step
 * scaled by i/(i+m) so nothing overflows). Larger samples use Kolmogorov's limit distribution with Stephens' (1970)
 * small-sample correction, {@code Q(λ)} at {@code λ = (√e + 0.12 + 0.11/√e)·D}, {@code e = nm/(n+m)}. With tied
 * values (counts, zeros) the test is conservative: the true p-value is at most the one reported. References: J. L.
 * Hodges, "The significance probability of the Smirnov two-sample test", Arkiv för Matematik 3 (1958); M. A.
 * Stephens, JRSS B 32 (1970).
 */
public final class TwoSampleKs {
    /** Largest {@code n·m} for which the p-value is computed exactly (a few milliseconds). */
    public static final long EXACT_LIMIT = 4_000_000;

    private TwoSampleKs() {}

    /**
     * @param d the KS statistic in [0, 1]
     * @param pValue two-sided
     * @param exact whether {@link #pValue} is exact or asymptotic
     */
    public record Result(double d, double pValue, boolean exact, int n, int m) {}

    /** Tests {@code a} against {@code b}; neither may be empty or hold NaN. */
    public static Result test(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("empty sample: sizes " + a.length + " and " + b.length);
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        if (Double.isNaN(x[x.length - 1]) || Double.isNaN(y[y.length - 1])) {
            throw new IllegalArgumentException("a sample holds NaN");
        }
        double d = statistic(x, y);
        long product = (long) x.length * y.length;
        boolean exact = product <= EXACT_LIMIT;
        double p = exact ? exactPValue(d, x.length, y.length) : asymptoticPValue(d, x.length, y.length);
        return new Result(d, Math.max(0, Math.min(1, p)), exact, x.length, y.length);
    }

    /** D of two sorted samples: the largest ECDF gap, evaluated after each run of tied values. */
    static double statistic(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == v) {
                i++;
            }
            while (j < y.length && y[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    /** P(D ≥ d) by counting the lattice paths that stay inside the band. */
    static double exactPValue(double d, int n, int m) {
        int small = Math.min(n, m);
        int large = Math.max(n, m);
        double md = small;
        double nd = large;
        // D takes values k/(nm); the half step makes "gap ≥ d" robust to rounding.
        double q = (0.5 + Math.floor(d * md * nd - 1e-7)) / (md * nd);
        double[] u = new double[large + 1];
        for (int j = 0; j <= large; j++) {
            u[j] = j / nd > q ? 0 : 1;
        }
        for (int i = 1; i <= small; i++) {
            double w = (double) i / (i + large);
            u[0] = i / md > q ? 0 : w * u[0];
            for (int j = 1; j <= large; j++) {
                u[j] = Math.abs(i / md - j / nd) > q ? 0 : w * u[j] + u[j - 1];
            }
        }
        return 1 - u[large];
    }

    static double asymptoticPValue(double d, int n, int m) {
        double e = Math.sqrt((double) n * m / (n + m));
        double lambda = (e + 0.12 + 0.11 / e) * d;
        if (lambda < 0.2) {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-12) {
                break;
            }
        }
        return sum;
    }
}
