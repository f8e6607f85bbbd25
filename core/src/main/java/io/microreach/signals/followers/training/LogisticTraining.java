package io.microreach.signals.followers.training;

import com.oracle.labs.mlrg.olcut.util.Pair;
import io.microreach.signals.followers.FeatureWeight;
import io.microreach.signals.followers.FollowerFeatures;
import io.microreach.signals.followers.ModelValidation;
import io.microreach.signals.followers.SuspiciousFollowerModel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the suspicious-follower logistic regression with Tribuo and picks its threshold.
 *
 * <p>Method. (1) Features from {@link FollowerFeatures}; each is centred on the median of the training rows that
 * know it and divided by their standard deviation. A missing value is then set to 0, i.e. imputed with the median,
 * so it adds nothing to the logit: the score rests on the features the profile does have. Median, not mean: which
 * fields are missing says which data set a row came from (Kaggle has no username length, InstaFake no external URL
 * or display name), and those sets have different class balances. With mean imputation a known, typical value (no
 * external URL, as for almost everyone) sits away from the imputed one and turns into a "came from the Kaggle set"
 * indicator that learns that set's base rate; a real follower sample, where the field is always known, then scores
 * shifted. Imputing the typical value makes "unknown" and "typical" score alike. For the same reason no missing
 * indicator is added. (2) Tribuo's {@link LinearSGDTrainer} with the logistic
 * (softmax) loss and AdaGrad, i.e. Tribuo's {@code LogisticRegressionTrainer} with more epochs, since the default 5
 * passes do not converge on a couple of thousand rows. With two classes the softmax is a logistic regression whose
 * coefficients are the difference of the two classes' weight vectors; those are exported, so scoring needs no
 * Tribuo. Each weight must have the sign {@link FollowerFeatures#SIGNS} allows (a monotone model whose
 * contributions read as reasons); a feature fitted against its sign is dropped and the rest refitted. (3) The
 * threshold is chosen on the training data only, from out-of-fold probabilities of a stratified
 * k-fold cross-validation (each fold's scaling and weights fitted without that fold): the lowest threshold whose
 * false-positive rate stays at or below the configured maximum, placed halfway to the next lower score. The
 * out-of-fold sensitivity and specificity at that threshold are stored with the model: they are the honest
 * estimates of its error rates that the suspicious share's Rogan–Gladen correction needs. The final model is then
 * fitted on all rows.
 *
 * <p>References: Tribuo 4.3 (Oracle Labs, Apache-2.0), {@code org.tribuo.classification.sgd}; Duchi, Hazan &amp;
 * Singer (2011), AdaGrad.
 */
public final class LogisticTraining {
    private static final String SUSPICIOUS = "suspicious";
    private static final String GENUINE = "genuine";

    private LogisticTraining() {}

    /** Trains a model with {@link TrainingOptions#defaults()}. */
    public static SuspiciousFollowerModel train(List<LabelledProfile> data) {
        return train(data, TrainingOptions.defaults());
    }

    /**
     * Fits the logistic regression on {@code data} (Tribuo, AdaGrad), chooses the threshold by cross-validation on
     * the same data and records the out-of-fold sensitivity and specificity. Deterministic for a given seed.
     *
     * @throws IllegalArgumentException when a class has fewer profiles than folds, or a profile knows no feature
     */
    public static SuspiciousFollowerModel train(List<LabelledProfile> data, TrainingOptions options) {
        return fitAndValidate(List.copyOf(data), options);
    }

    /** Trains on the union of labelled sources (see {@link PublicProfileData#labelledSources}). */
    public static SuspiciousFollowerModel trainOnSources(
            List<PublicProfileData.LabelledSet> sources, TrainingOptions options) {
        List<LabelledProfile> all = new ArrayList<>();
        for (PublicProfileData.LabelledSet s : sources) {
            all.addAll(s.profiles());
        }
        return fitAndValidate(all, options);
    }

    private static SuspiciousFollowerModel fitAndValidate(List<LabelledProfile> data, TrainingOptions options) {
        int positives = 0;
        for (LabelledProfile p : data) {
            positives += p.suspicious() ? 1 : 0;
        }
        int negatives = data.size() - positives;
        if (positives < options.folds() || negatives < options.folds()) {
            throw new IllegalArgumentException("training needs at least " + options.folds()
                    + " suspicious and " + options.folds() + " genuine profiles, got " + positives + " and "
                    + negatives);
        }
        double[][] x = new double[data.size()][];
        boolean[] y = new boolean[data.size()];
        for (int i = 0; i < data.size(); i++) {
            x[i] = FollowerFeatures.extract(data.get(i).profile());
            y[i] = data.get(i).suspicious();
            if (Arrays.stream(x[i]).allMatch(Double::isNaN)) {
                throw new IllegalArgumentException("profile " + (i + 1) + " has no known feature");
            }
        }

        int[] fold = stratifiedFolds(y, options.folds(), options.seed());
        double[] outOfFold = new double[data.size()];
        for (int k = 0; k < options.folds(); k++) {
            List<Integer> trainRows = new ArrayList<>();
            List<Integer> testRows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                (fold[i] == k ? testRows : trainRows).add(i);
            }
            Fit fit = fit(x, y, trainRows, options);
            for (int i : testRows) {
                outOfFold[i] = fit.probability(x[i]);
            }
        }
        double threshold = threshold(outOfFold, y, options.maxFalsePositiveRate());
        int truePositives = 0;
        int trueNegatives = 0;
        for (int i = 0; i < y.length; i++) {
            boolean flagged = outOfFold[i] >= threshold;
            truePositives += y[i] && flagged ? 1 : 0;
            trueNegatives += !y[i] && !flagged ? 1 : 0;
        }
        ModelValidation validation = new ModelValidation(
                "out-of-fold predictions of a stratified " + options.folds() + "-fold cross-validation on the "
                        + "training data",
                positives,
                negatives,
                truePositives,
                trueNegatives);

        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            all.add(i);
        }
        Fit fit = fit(x, y, all, options);
        List<FeatureWeight> weights = new ArrayList<>();
        for (int j = 0; j < FollowerFeatures.COUNT; j++) {
            weights.add(new FeatureWeight(FollowerFeatures.NAMES.get(j), fit.center[j], fit.sd[j], fit.weight[j]));
        }
        return new SuspiciousFollowerModel(
                weights, fit.intercept, threshold, validation, options.trainingData(), LocalDate.now(ZoneOffset.UTC));
    }

    /** Class by class, rows are shuffled and dealt round-robin, so every fold gets its share of both classes. */
    static int[] stratifiedFolds(boolean[] y, int folds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] fold = new int[y.length];
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    rows.add(i);
                }
            }
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            for (int i = 0; i < rows.size(); i++) {
                fold[rows.get(i)] = i % folds;
            }
        }
        return fold;
    }

    /**
     * The lowest threshold (flag when probability ≥ threshold) whose false-positive rate is at most {@code maxFpr},
     * moved halfway down to the next lower score so that it does not sit exactly on a training row.
     */
    static double threshold(double[] scores, boolean[] y, double maxFpr) {
        Integer[] order = new Integer[scores.length];
        int negatives = 0;
        for (int i = 0; i < scores.length; i++) {
            order[i] = i;
            negatives += y[i] ? 0 : 1;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double best = Double.NaN;
        int falsePositives = 0;
        int i = 0;
        while (i < order.length) {
            double t = scores[order[i]];
            int j = i;
            while (j < order.length && scores[order[j]] == t) {
                falsePositives += y[order[j]] ? 0 : 1;
                j++;
            }
            if (falsePositives > maxFpr * negatives) {
                break;
            }
            double halfway = j < order.length ? (t + scores[order[j]]) / 2 : t;
            best = j < order.length && halfway > scores[order[j]] ? halfway : t;
            i = j;
        }
        // Even the highest score flags too many genuine profiles: flag nothing rather than break the promise.
        return Double.isNaN(best) ? Math.nextUp(scores[order[0]]) : best;
    }

    private static Fit fit(double[][] x, boolean[] y, List<Integer> rows, TrainingOptions options) {
        double[] center = new double[FollowerFeatures.COUNT];
        double[] sd = new double[FollowerFeatures.COUNT];
        for (int j = 0; j < FollowerFeatures.COUNT; j++) {
            double[] known = new double[rows.size()];
            int n = 0;
            for (int i : rows) {
                if (!Double.isNaN(x[i][j])) {
                    known[n++] = x[i][j];
                }
            }
            known = Arrays.copyOf(known, n);
            Arrays.sort(known);
            center[j] = n == 0 ? 0 : n % 2 == 1 ? known[n / 2] : (known[n / 2 - 1] + known[n / 2]) / 2;
            double sum = 0;
            for (double v : known) {
                sum += v;
            }
            double average = n == 0 ? 0 : sum / n;
            double squares = 0;
            for (double v : known) {
                squares += (v - average) * (v - average);
            }
            double variance = n < 2 ? 0 : squares / (n - 1);
            // A constant (or absent) feature carries no information: scale 1 and, below, no examples of it.
            sd[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
        }
        boolean[] usable = new boolean[FollowerFeatures.COUNT];
        for (int j = 0; j < FollowerFeatures.COUNT; j++) {
            for (int i : rows) {
                usable[j] |= !Double.isNaN(x[i][j]) && x[i][j] != center[j];
            }
        }
        // Sign constraints by elimination: a feature whose weight comes out against its allowed sign is dropped
        // (weight 0) and the rest refitted, until every weight agrees. Each pass drops at least one feature, so
        // this ends within COUNT passes.
        while (true) {
            double[][] fitted = fitUsable(x, y, rows, options, center, sd, usable);
            boolean dropped = false;
            for (int j = 0; j < FollowerFeatures.COUNT; j++) {
                int sign = FollowerFeatures.SIGNS.get(j);
                if (usable[j] && sign != 0 && fitted[0][j] * sign < 0) {
                    usable[j] = false;
                    dropped = true;
                }
            }
            if (!dropped) {
                return new Fit(center, sd, fitted[0], fitted[1][0]);
            }
        }
    }

    /** One Tribuo fit on the usable features: {weights, {intercept}}. */
    private static double[][] fitUsable(
            double[][] x,
            boolean[] y,
            List<Integer> rows,
            TrainingOptions options,
            double[] center,
            double[] sd,
            boolean[] usable) {

        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset =
                new MutableDataset<>(new SimpleDataSourceProvenance("microreach labelled profiles", factory), factory);
        for (int i : rows) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int j = 0; j < FollowerFeatures.COUNT; j++) {
                if (usable[j] && !Double.isNaN(x[i][j])) {
                    names.add(FollowerFeatures.NAMES.get(j));
                    values.add((x[i][j] - center[j]) / sd[j]);
                }
            }
            if (names.isEmpty()) {
                // Nothing known beyond the class prior; Tribuo needs at least one feature per example.
                names.add(FollowerFeatures.NAMES.get(0));
                values.add(0.0);
            }
            dataset.add(new ArrayExample<>(
                    new Label(y[i] ? SUSPICIOUS : GENUINE),
                    names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(0.5, 0.1), options.epochs(), Integer.MAX_VALUE, 1, options.seed());
        LinearSGDModel model = quietly(() -> (LinearSGDModel) trainer.train(dataset));

        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        double[] weight = new double[FollowerFeatures.COUNT];
        double intercept = 0;
        for (Map.Entry<String, List<Pair<String, Double>>> e : top.entrySet()) {
            double sign = SUSPICIOUS.equals(e.getKey()) ? 1 : GENUINE.equals(e.getKey()) ? -1 : 0;
            for (Pair<String, Double> p : e.getValue()) {
                if (Model.BIAS_FEATURE.equals(p.getA())) {
                    intercept += sign * p.getB();
                } else {
                    int j = FollowerFeatures.NAMES.indexOf(p.getA());
                    if (j >= 0 && usable[j]) {
                        weight[j] += sign * p.getB();
                    }
                }
            }
        }
        return new double[][] {weight, {intercept}};
    }

    /** Tribuo logs every training run at INFO; a scoring batch or a test run should not print that. */
    private static <T> T quietly(java.util.function.Supplier<T> work) {
        Logger logger = Logger.getLogger("org.tribuo");
        Level before = logger.getLevel();
        logger.setLevel(Level.WARNING);
        try {
            return work.get();
        } finally {
            logger.setLevel(before);
        }
    }

    private record Fit(double[] center, double[] sd, double[] weight, double intercept) {
        double probability(double[] features) {
            return SuspiciousFollowerModel.probability(features, center, sd, weight, intercept);
        }
    }
}
