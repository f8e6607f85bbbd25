package io.microreach.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Public-profile features of sampled followers, one model per class (real person, fake/bot account), calibrated on
 * real labelled Instagram accounts so that a suspicious-follower classifier trained on the real data sees the same
 * feature distributions here.
 *
 * <p>Source: InstaFake fake-v1.0 (200 fake, 994 real accounts) and automated-v1.0 non-automated (700 real accounts),
 * Akyon &amp; Kalfaoglu 2019, CC BY-NC 4.0; Kaggle "Instagram fake spammer genuine accounts" {@code train.csv} (288
 * fake, 288 genuine; licence not stated; its {@code test.csv} is deliberately not used). Rows of each class are pooled
 * (488 fake, 1,982 real) and every feature gets a quantile table (in the resource {@code profile-model.txt}) over the
 * rows that report it (type-7 quantiles at {@link #PROBS}). Dependence between features is a Gaussian copula whose
 * correlation matrix was estimated pairwise on rank-based normal scores (positive definite without shrinkage) and is
 * stored as its Cholesky factor. Derived by {@code CalibrationDerivation} in the test sources. One deliberate change:
 * the real class's maximum follower count (15,338,538, a celebrity in the Kaggle genuine class) is capped at 1,000,000
 * so that the top percentile of a creator's followers is not a log-uniform spread up to celebrity size.
 *
 * <p>Counts are interpolated between quantiles on a log(1 + x) scale, the other features linearly; binary features
 * are thresholds of their latent normal at the class rate.
 */
enum ProfileModel {
    REAL,
    FAKE;

    /** Probabilities at which the quantile tables are given. */
    static final double[] PROBS = {0, .01, .05, .1, .2, .3, .4, .5, .6, .7, .8, .9, .95, .99, 1};

    private static final String RESOURCE = "profile-model.txt";
    private static final int QUANTILE_ROWS = 7;
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

    ProfileModel() {
        double[][] rows = ProfileTables.rows(name());
        this.quantiles = Arrays.copyOfRange(rows, 0, QUANTILE_ROWS);
        this.rates = rows[QUANTILE_ROWS];
        this.cholesky = Arrays.copyOfRange(rows, QUANTILE_ROWS + 1, QUANTILE_ROWS + 1 + FEATURES);
    }

    /**
     * The classes' tables, read once from {@value #RESOURCE}: a holder class because an enum's own static fields are
     * not yet set while its constants are constructed.
     */
    private static final class ProfileTables {
        private static final Map<String, double[][]> BY_CLASS = read();

        static double[][] rows(String modelClass) {
            double[][] rows = BY_CLASS.get(modelClass);
            if (rows == null || rows.length != QUANTILE_ROWS + 1 + FEATURES) {
                throw new IllegalStateException(RESOURCE + ": no complete tables for " + modelClass);
            }
            return rows;
        }

        private static Map<String, double[][]> read() {
            Map<String, List<double[]>> rows = new HashMap<>();
            List<double[]> current = null;
            try (InputStream in = ProfileModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    if (Character.isLetter(l.charAt(0))) {
                        current = rows.computeIfAbsent(l, k -> new ArrayList<>());
                    } else {
                        current.add(Arrays.stream(l.split(" "))
                                .mapToDouble(Double::parseDouble)
                                .toArray());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, double[][]> out = new HashMap<>();
            rows.forEach((k, v) -> out.put(k, v.toArray(double[][]::new)));
            return out;
        }
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
