package io.microreach.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Derives the constants of {@link ProfileCalibration} and the engagement numbers quoted in {@link EngagementModel}
 * from the real data in {@code ../shared/data}. Not a test: run it by hand after changing the method, then paste
 * the printed tables. It prints aggregates only, never a username.
 *
 * <pre>
 * ./mvnw -q -B -pl core test-compile
 * java -cp "core/target/test-classes:core/target/classes:$(cat cp.txt)" \
 *     io.microreach.generator.CalibrationDerivation ../shared/data
 * </pre>
 *
 * Method for the follower profiles: rows of each class (fake, real) are pooled from InstaFake fake-v1.0 (fake and
 * real files), InstaFake automated-v1.0 non-automated accounts (real class only) and the Kaggle fake/spammer
 * {@code train.csv} (the {@code test.csv} split is left alone so that it stays an honest test set for the
 * classifier). Each feature gets a quantile table over the rows that have it; the dependence between features is
 * a Gaussian copula whose correlation is estimated pairwise on normal scores (rank-based), shrunk towards the
 * identity until it is positive definite, and printed as its Cholesky factor.
 */
final class CalibrationDerivation {
    static final String[] FEATURES = {
        "followers",
        "following",
        "posts",
        "bio_length",
        "handle_length",
        "handle_digit_share",
        "full_name_words",
        "has_profile_pic",
        "is_private",
        "external_url"
    };
    static final double[] PROBS = {0, .01, .05, .1, .2, .3, .4, .5, .6, .7, .8, .9, .95, .99, 1};

    private CalibrationDerivation() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        ObjectMapper mapper = new ObjectMapper();
        List<double[]> fake = new ArrayList<>();
        List<double[]> real = new ArrayList<>();
        for (JsonNode a :
                mapper.readTree(data.resolve("instafake/fakeAccountData.json").toFile())) {
            fake.add(instafake(a, false));
        }
        for (JsonNode a :
                mapper.readTree(data.resolve("instafake/realAccountData.json").toFile())) {
            real.add(instafake(a, false));
        }
        JsonNode nonAutomated = mapper.readTree(
                data.resolve("instafake/nonautomatedAccountData.json").toFile());
        for (JsonNode a : nonAutomated) {
            real.add(instafake(a, true));
        }
        try (Reader in = Files.newBufferedReader(
                data.resolve("kaggle-instagram-fake-spammer/train.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
                double[] row = new double[FEATURES.length];
                Arrays.fill(row, Double.NaN);
                row[0] = Double.parseDouble(r.get("#followers"));
                row[1] = Double.parseDouble(r.get("#follows"));
                row[2] = Double.parseDouble(r.get("#posts"));
                row[3] = Double.parseDouble(r.get("description length"));
                row[5] = Double.parseDouble(r.get("nums/length username"));
                row[6] = Double.parseDouble(r.get("fullname words"));
                row[7] = Double.parseDouble(r.get("profile pic"));
                row[8] = Double.parseDouble(r.get("private"));
                row[9] = Double.parseDouble(r.get("external URL"));
                ("1".equals(r.get("fake")) ? fake : real).add(row);
            }
        }
        printClass("FAKE", fake);
        printClass("REAL", real);
        engagement(nonAutomated);
    }

    private static double[] instafake(JsonNode a, boolean nonAutomated) {
        double[] row = new double[FEATURES.length];
        Arrays.fill(row, Double.NaN);
        row[0] = a.get("userFollowerCount").asDouble();
        row[1] = a.get("userFollowingCount").asDouble();
        row[2] = a.get("userMediaCount").asDouble();
        row[3] = a.get("userBiographyLength").asDouble();
        double len = a.get("usernameLength").asDouble();
        row[4] = len;
        row[5] = len == 0 ? 0 : a.get("usernameDigitCount").asDouble() / len;
        if (nonAutomated) {
            row[9] = a.get("userHasExternalUrl").asDouble();
        } else {
            row[7] = a.get("userHasProfilPic").asDouble();
            row[8] = a.get("userIsPrivate").asDouble();
        }
        return row;
    }

    private static void printClass(String name, List<double[]> rows) {
        System.out.println("// ---- " + name + " (" + rows.size() + " rows)");
        for (int f = 0; f < 7; f++) {
            double[] values = column(rows, f);
            Arrays.sort(values);
            StringBuilder sb = new StringBuilder();
            for (double p : PROBS) {
                sb.append(sb.isEmpty() ? "" : ", ").append(fmt(quantile(values, p)));
            }
            System.out.printf(Locale.ROOT, "%s (n=%d): {%s}%n", FEATURES[f], values.length, sb);
        }
        for (int f = 7; f < FEATURES.length; f++) {
            double[] values = column(rows, f);
            System.out.printf(
                    Locale.ROOT,
                    "%s rate (n=%d): %s%n",
                    FEATURES[f],
                    values.length,
                    fmt(Arrays.stream(values).average().orElse(0)));
        }
        int k = FEATURES.length;
        double[][] scores = new double[k][];
        for (int f = 0; f < k; f++) {
            scores[f] = normalScores(rows, f);
        }
        double[][] corr = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                corr[i][j] = i == j ? 1 : pearson(scores[i], scores[j]);
            }
        }
        double shrink = 0;
        double[][] chol;
        while ((chol = cholesky(shrunk(corr, shrink))) == null) {
            shrink += 0.01;
        }
        System.out.println("correlation shrink " + fmt(shrink));
        System.out.println("cholesky:");
        for (double[] row : chol) {
            StringBuilder sb = new StringBuilder();
            for (double v : row) {
                sb.append(sb.isEmpty() ? "" : ", ").append(fmt(v));
            }
            System.out.println("{" + sb + "},");
        }
        System.out.println("correlation (for the docs):");
        for (double[] row : corr) {
            StringBuilder sb = new StringBuilder();
            for (double v : row) {
                sb.append(sb.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%5.2f", v));
            }
            System.out.println(sb);
        }
    }

    private static double[] column(List<double[]> rows, int f) {
        return rows.stream()
                .mapToDouble(r -> r[f])
                .filter(v -> !Double.isNaN(v))
                .toArray();
    }

    /** Type-7 quantile (linear between order statistics). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Rank-based normal scores with mid-ranks for ties; NaN where the row lacks the feature. */
    private static double[] normalScores(List<double[]> rows, int f) {
        double[] out = new double[rows.size()];
        Arrays.fill(out, Double.NaN);
        Integer[] idx = new Integer[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!Double.isNaN(rows.get(i)[f])) {
                idx[n++] = i;
            }
        }
        Integer[] present = Arrays.copyOf(idx, n);
        Arrays.sort(present, (a, b) -> Double.compare(rows.get(a)[f], rows.get(b)[f]));
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && rows.get(present[j + 1])[f] == rows.get(present[i])[f]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            double score = inverseNormal((midRank - 0.5) / n);
            for (int t = i; t <= j; t++) {
                out[present[t]] = score;
            }
            i = j + 1;
        }
        return out;
    }

    private static double pearson(double[] x, double[] y) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            n++;
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (n < 10 || vx <= 1e-12 || vy <= 1e-12) {
            return 0;
        }
        return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }

    private static double[][] shrunk(double[][] c, double lambda) {
        double[][] out = new double[c.length][c.length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                out[i][j] = i == j ? 1 : (1 - lambda) * c[i][j];
            }
        }
        return out;
    }

    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (s <= 1e-6) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** Acklam's rational approximation of the standard normal quantile (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        double[] a = {
            -39.69683028665376,
            220.9460984245205,
            -275.9285104469687,
            138.3577518672690,
            -30.66479806614716,
            2.506628277459239
        };
        double[] b = {-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572};
        double[] c = {
            -0.007784894002430293,
            -0.3223964580411365,
            -2.400758277161838,
            -2.549732539343734,
            4.374664141464968,
            2.938163982698783
        };
        double[] d = {0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416};
        double pLow = 0.02425;
        if (p < pLow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - pLow) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** Per-account engagement of the non-automated InstaFake accounts (ordinary, mostly small Instagram users). */
    private static void engagement(JsonNode accounts) {
        List<double[]> perAccount = new ArrayList<>(); // followers, median ER, likes per comment, sigma ln(eng)
        long posts = 0;
        long zeroComment = 0;
        for (JsonNode a : accounts) {
            double followers = a.get("userFollowerCount").asDouble();
            JsonNode likes = a.get("mediaLikeNumbers");
            JsonNode comments = a.get("mediaCommentNumbers");
            for (JsonNode c : comments) {
                posts++;
                if (c.asLong() == 0) {
                    zeroComment++;
                }
            }
            if (followers < 50 || likes.size() < 5) {
                continue;
            }
            double[] er = new double[likes.size()];
            double[] logEng = new double[likes.size()];
            double sumLikes = 0;
            double sumComments = 0;
            for (int i = 0; i < likes.size(); i++) {
                double l = likes.get(i).asDouble();
                double c = comments.get(i).asDouble();
                er[i] = (l + c) / followers;
                logEng[i] = Math.log(l + c + 1);
                sumLikes += l;
                sumComments += c;
            }
            Arrays.sort(er);
            double mean = Arrays.stream(logEng).average().orElse(0);
            double var = Arrays.stream(logEng)
                    .map(v -> (v - mean) * (v - mean))
                    .average()
                    .orElse(0);
            perAccount.add(
                    new double[] {followers, quantile(er, 0.5), sumLikes / Math.max(1, sumComments), Math.sqrt(var)});
        }
        System.out.println("// ---- ENGAGEMENT (InstaFake non-automated, " + perAccount.size()
                + " accounts with >= 50 followers and >= 5 posts)");
        System.out.println("posts " + posts + ", share with zero comments " + fmt((double) zeroComment / posts));
        String[] names = {"followers", "median ER", "likes per comment", "sigma ln(engagements)"};
        for (int f = 0; f < names.length; f++) {
            final int col = f;
            double[] v = perAccount.stream().mapToDouble(r -> r[col]).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "%s: p10 %s p25 %s p50 %s p75 %s p90 %s%n",
                    names[f],
                    fmt(quantile(v, .1)),
                    fmt(quantile(v, .25)),
                    fmt(quantile(v, .5)),
                    fmt(quantile(v, .75)),
                    fmt(quantile(v, .9)));
        }
        // Pooled by follower band: likes per comment, share of posts without comments, within-account CV of comments.
        double[] bands = {0, 300, 700, 1500, 5000};
        for (int b = 0; b + 1 < bands.length; b++) {
            double likes = 0;
            double commentSum = 0;
            long bandPosts = 0;
            long zero = 0;
            List<Double> cv = new ArrayList<>();
            for (JsonNode a : accounts) {
                double followers = a.get("userFollowerCount").asDouble();
                if (followers < bands[b] || followers >= bands[b + 1]) {
                    continue;
                }
                double[] c = new double[a.get("mediaCommentNumbers").size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = a.get("mediaCommentNumbers").get(i).asDouble();
                    likes += a.get("mediaLikeNumbers").get(i).asDouble();
                    commentSum += c[i];
                    bandPosts++;
                    if (c[i] == 0) {
                        zero++;
                    }
                }
                double mean = Arrays.stream(c).average().orElse(0);
                if (c.length >= 10 && mean > 0) {
                    double var = Arrays.stream(c)
                            .map(v -> (v - mean) * (v - mean))
                            .average()
                            .orElse(0);
                    cv.add(Math.sqrt(var) / mean);
                }
            }
            double[] sortedCv =
                    cv.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "followers %s-%s: %d posts, pooled likes per comment %s, posts without comments %s, "
                            + "median within-account CV of comments %s%n",
                    fmt(bands[b]),
                    fmt(bands[b + 1]),
                    bandPosts,
                    fmt(likes / commentSum),
                    fmt((double) zero / bandPosts),
                    fmt(quantile(sortedCv, 0.5)));
        }
        // Least squares of ln(median ER) on log10(followers).
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = perAccount.size();
        for (double[] r : perAccount) {
            double x = Math.log10(r[0]);
            double y = Math.log(r[1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (sxy - sx * sy / n) / (sxx - sx * sx / n);
        double intercept = (sy - slope * sx) / n;
        double ss = 0;
        for (double[] r : perAccount) {
            double e = Math.log(r[1]) - (intercept + slope * Math.log10(r[0]));
            ss += e * e;
        }
        System.out.printf(
                Locale.ROOT,
                "ln(median ER) = %s + %s * log10(followers); ER at 1,000 followers %s; power exponent %s; "
                        + "residual sd %s%n",
                fmt(intercept),
                fmt(slope),
                fmt(Math.exp(intercept + 3 * slope)),
                fmt(slope / Math.log(10)),
                fmt(Math.sqrt(ss / n)));
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
