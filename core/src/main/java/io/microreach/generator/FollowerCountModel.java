package io.microreach.generator;

/**
 * Draws a creator's follower count. The density of {@code log10(followers)} is piecewise linear through the knots
 * below: it rises from 200 followers to a plateau around 2,000–10,000 and then falls steeply, which gives roughly
 * half nano (&lt; 5k), a third micro (5k–50k), about 13% mid and 1–2% macro and mega accounts — a pool that is mostly
 * small, as the creators a micro-first tool looks at are, with a thin heavy tail up to tens of millions.
 */
final class FollowerCountModel {
    private static final double[] KNOT_LOG10 = {2.3, 2.7, 3.3, 4.0, 4.7, 5.3, 5.7, 6.0, 6.5, 7.3, 7.9};
    private static final double[] KNOT_DENSITY = {0.0, 0.30, 0.50, 0.42, 0.26, 0.085, 0.033, 0.02, 0.006, 0.0008, 0};
    private static final int GRID = 2000;
    private static final double[] CDF_X = new double[GRID + 1];
    private static final double[] CDF = new double[GRID + 1];

    static {
        double lo = KNOT_LOG10[0];
        double hi = KNOT_LOG10[KNOT_LOG10.length - 1];
        double total = 0;
        double previous = density(lo);
        CDF_X[0] = lo;
        for (int i = 1; i <= GRID; i++) {
            double x = lo + (hi - lo) * i / GRID;
            double d = density(x);
            total += (previous + d) / 2 * (hi - lo) / GRID;
            CDF_X[i] = x;
            CDF[i] = total;
            previous = d;
        }
        for (int i = 0; i <= GRID; i++) {
            CDF[i] /= total;
        }
    }

    private FollowerCountModel() {}

    static long draw(Rng rng) {
        double u = rng.uniform();
        int lo = 0;
        int hi = GRID;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (CDF[mid] <= u) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = CDF[hi] - CDF[lo];
        double x = CDF_X[lo] + (span <= 0 ? 0 : (u - CDF[lo]) / span) * (CDF_X[hi] - CDF_X[lo]);
        return Math.round(StrictMath.pow(10, x));
    }

    private static double density(double x) {
        for (int i = 1; i < KNOT_LOG10.length; i++) {
            if (x <= KNOT_LOG10[i]) {
                double t = (x - KNOT_LOG10[i - 1]) / (KNOT_LOG10[i] - KNOT_LOG10[i - 1]);
                return KNOT_DENSITY[i - 1] + t * (KNOT_DENSITY[i] - KNOT_DENSITY[i - 1]);
            }
        }
        return 0;
    }
}
