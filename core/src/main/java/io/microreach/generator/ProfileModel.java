package io.microreach.generator;

/**
 * Public-profile features of sampled followers, one model per class (real person, fake/bot account), calibrated on
 * real labelled Instagram accounts so that a suspicious-follower classifier trained on the real data sees the same
 * feature distributions here.
 *
 * <p>Source: InstaFake fake-v1.0 (200 fake, 994 real accounts) and automated-v1.0 non-automated (700 real accounts),
 * Akyon &amp; Kalfaoglu 2019, CC BY-NC 4.0; Kaggle "Instagram fake spammer genuine accounts" {@code train.csv} (288
 * fake, 288 genuine; licence not stated; its {@code test.csv} is deliberately not used). Rows of each class are
 * pooled (488 fake, 1,982 real) and every feature gets the quantile table below over the rows that report it (type-7
 * quantiles at {@link #PROBS}). Dependence between features is a Gaussian copula whose correlation matrix was
 * estimated pairwise on rank-based normal scores (positive definite without shrinkage) and is stored as its Cholesky
 * factor. Derived by {@code CalibrationDerivation} in the test sources. One deliberate change: the real class's
 * maximum follower count (15,338,538, a celebrity in the Kaggle genuine class) is capped at 1,000,000 so that the top
 * percentile of a creator's followers is not a log-uniform spread up to celebrity size.
 *
 * <p>Counts are interpolated between quantiles on a log(1 + x) scale, the other features linearly; binary features
 * are thresholds of their latent normal at the class rate.
 */
enum ProfileModel {
    REAL(
            new double[][] {
                {1, 22.81, 79.1, 126, 200, 255, 310, 364, 428, 512, 625, 956.9, 1562, 46_700, 1_000_000},
                {0, 15.81, 90, 142, 230, 300, 359, 415.5, 482, 569.7, 676.6, 904.8, 1151, 3263, 7500},
                {0, 0, 1, 3, 8, 15, 25, 37, 56, 78.7, 117, 220.9, 373, 779.6, 7389},
                {0, 0, 0, 0, 0, 0, 3, 13, 22, 33, 46, 78, 111.9, 145.2, 150},
                {5, 5, 7, 7, 8, 9, 10, 11, 12, 12, 13, 15, 16, 18, 22},
                {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.09091, 0.2, 0.4, 0.5556},
                {0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 3, 3, 6, 12}
            },
            new double[] {0.9883, 0.6505, 0.1144},
            new double[][] {
                {1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                {0.7026, 0.7115, 0, 0, 0, 0, 0, 0, 0, 0},
                {0.5881, 0.05636, 0.8068, 0, 0, 0, 0, 0, 0, 0},
                {0.2804, -0.008603, 0.06080, 0.9579, 0, 0, 0, 0, 0, 0},
                {-0.03307, 0.03189, -0.1114, 0.07473, 0.9899, 0, 0, 0, 0, 0},
                {-0.07886, 0.01009, -0.1012, 0.02756, 0.04331, 0.9904, 0, 0, 0, 0},
                {0.1204, -0.2018, -0.04410, 0.1755, -0.007685, -0.01963, 0.9548, 0, 0, 0},
                {0.1086, -0.07757, 0.06917, 0.05607, -0.07247, 0.01406, 0.07676, 0.9813, 0, 0},
                {-0.1993, 0.09640, 0.04578, -0.1344, -0.06326, -0.1021, -0.01209, 0.01260, 0.9571, 0},
                {0.2997, -0.1553, 0.1222, 0.1978, 0.05858, -0.004873, 0.02667, -0.01612, -0.1686, 0.8939}
            }),
    FAKE(
            new double[][] {
                {0, 0, 0, 1, 8, 15, 25, 35, 49, 66, 117.4, 229.2, 433.6, 1358, 3208},
                {0, 0, 2, 10, 30.4, 57.1, 105.6, 180, 399.8, 859.3, 1766, 2736, 4222, 7164, 7497},
                {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 9, 28, 124.9, 396},
                {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 24.6, 55.6, 131.0, 149},
                {5, 6, 7, 8, 9, 9, 10, 11, 12, 13, 14, 16, 18, 21.01, 30},
                {0, 0, 0, 0, 0, 0, 0.14, 0.22, 0.2866, 0.3333, 0.4294, 0.5, 0.61, 0.89, 0.92},
                {0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3.13, 5}
            },
            new double[] {0.4898, 0.3504, 0.0},
            new double[][] {
                {1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
                {0.4636, 0.8861, 0, 0, 0, 0, 0, 0, 0, 0},
                {0.2965, -0.02057, 0.9548, 0, 0, 0, 0, 0, 0, 0},
                {0.09229, 0.04983, 0.2206, 0.9697, 0, 0, 0, 0, 0, 0},
                {0.02809, 0.02497, 0.1916, 0.08275, 0.9773, 0, 0, 0, 0, 0},
                {0.05419, -0.2197, 0.0008470, -0.1732, -0.08475, 0.9548, 0, 0, 0, 0},
                {0.09723, 0.004574, 0.03067, 0.02004, -0.01062, -0.1032, 0.9891, 0, 0, 0},
                {0.1695, 0.2321, 0.4210, 0.2220, -0.1994, -0.003468, -0.04745, 0.8055, 0, 0},
                {-0.2347, 0.1556, 0.06479, 0.006938, -0.1864, 0.01117, -0.2157, -0.02332, 0.9135, 0},
                {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
            });

    /** Probabilities at which the quantile tables are given. */
    static final double[] PROBS = {0, .01, .05, .1, .2, .3, .4, .5, .6, .7, .8, .9, .95, .99, 1};

    private static final int COUNT_FEATURES = 3;
    private static final int FEATURES = 10;

    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    private final double[][] quantiles;
    private final double[] rates;
    private final double[][] cholesky;

    ProfileModel(double[][] quantiles, double[] rates, double[][] cholesky) {
        this.quantiles = quantiles;
        this.rates = rates;
        this.cholesky = cholesky;
    }

    /** One profile's features. */
    record Traits(
            long followers,
            long following,
            long posts,
            int bioLength,
            int handleLength,
            int handleDigits,
            int fullNameWords,
            boolean profilePic,
            boolean privateAccount,
            boolean externalUrl) {}

    Traits draw(Rng rng) {
        double[] e = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            e[i] = rng.normal();
        }
        double[] u = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            double z = 0;
            for (int j = 0; j <= i; j++) {
                z += cholesky[i][j] * e[j];
            }
            u[i] = normalCdf(z);
        }
        int handleLength = (int) Math.round(quantile(4, u[4]));
        double digitShare = quantile(5, u[5]);
        return new Traits(
                Math.round(quantile(0, u[0])),
                Math.round(quantile(1, u[1])),
                Math.round(quantile(2, u[2])),
                (int) Math.round(quantile(3, u[3])),
                handleLength,
                (int) Math.round(digitShare * handleLength),
                (int) Math.round(quantile(6, u[6])),
                u[7] > 1 - rates[0],
                u[8] > 1 - rates[1],
                u[9] > 1 - rates[2]);
    }

    private double quantile(int feature, double u) {
        double[] q = quantiles[feature];
        int i = 1;
        while (i < PROBS.length - 1 && PROBS[i] < u) {
            i++;
        }
        double t = (u - PROBS[i - 1]) / (PROBS[i] - PROBS[i - 1]);
        t = Math.max(0, Math.min(1, t));
        if (feature < COUNT_FEATURES) {
            double lo = StrictMath.log1p(q[i - 1]);
            double hi = StrictMath.log1p(q[i]);
            return StrictMath.expm1(lo + t * (hi - lo));
        }
        return q[i - 1] + t * (q[i] - q[i - 1]);
    }

    /** Standard normal CDF via the Numerical Recipes erfc approximation (fractional error below 1.2e-7). */
    static double normalCdf(double z) {
        double x = -z / StrictMath.sqrt(2);
        double ax = Math.abs(x);
        double t = 1 / (1 + 0.5 * ax);
        double poly = 0;
        for (int i = ERFC.length - 1; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double r = t * StrictMath.exp(-ax * ax + poly);
        return 0.5 * (x >= 0 ? r : 2 - r);
    }
}
