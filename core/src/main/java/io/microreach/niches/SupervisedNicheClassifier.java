package io.microreach.niches;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The supervised layer on top of the embeddings, trained on labelled examples (user corrections or a labelled file).
 *
 * <p>One-vs-rest logistic regression per niche (Tribuo's {@link LinearSGDTrainer} with the logistic loss and AdaGrad)
 * on the content embedding plus the zero-shot layer's standardised prototype similarities, so that with few labels the
 * model can lean on the prototypes and with many it learns the niche's own direction. The logistic loss is a proper
 * scoring rule, so its probabilities are calibrated where the model fits (docs/niches.md reports the calibration
 * error on held-out data). A niche with fewer than {@link #MIN_EXAMPLES} positive or negative examples keeps the
 * zero-shot confidence: a model trained on two examples would be worse than the prototypes.
 *
 * <p>The weights are read out of the Tribuo model once, so classifying is a dot product per niche.
 */
public final class SupervisedNicheClassifier implements NicheClassifier {
    public static final int MIN_EXAMPLES = 5;
    private static final int EPOCHS = 15;

    private final ZeroShotNicheClassifier base;
    /** Per niche (taxonomy order): weights over [vector, z], or null where the zero-shot layer answers. */
    private final double[][] weights;

    private final double[] intercepts;
    private final int examples;

    private SupervisedNicheClassifier(
            ZeroShotNicheClassifier base, double[][] weights, double[] intercepts, int examples) {
        this.base = base;
        this.weights = weights;
        this.intercepts = intercepts;
        this.examples = examples;
    }

    public static SupervisedNicheClassifier train(ZeroShotNicheClassifier base, List<LabelledVector> data, long seed) {
        List<String> ids = base.taxonomy().ids();
        double[][] features = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            features[i] = features(base, data.get(i).vector());
        }
        int width = features.length == 0 ? 0 : features[0].length;
        String[] names = new String[width];
        for (int f = 0; f < width; f++) {
            names[f] = "f" + f;
        }
        double[][] weights = new double[ids.size()][];
        double[] intercepts = new double[ids.size()];
        for (int j = 0; j < ids.size(); j++) {
            String niche = ids.get(j);
            int pos = 0;
            int neg = 0;
            LabelFactory factory = new LabelFactory();
            MutableDataset<Label> dataset =
                    new MutableDataset<>(new SimpleDataSourceProvenance("niche " + niche, factory), factory);
            for (int i = 0; i < data.size(); i++) {
                LabelledVector lv = data.get(i);
                boolean p = lv.positives().contains(niche);
                if (!p && !lv.negatives().contains(niche)) {
                    continue;
                }
                pos += p ? 1 : 0;
                neg += p ? 0 : 1;
                dataset.add(new ArrayExample<>(new Label(p ? "yes" : "no"), names, features[i]));
            }
            if (pos < MIN_EXAMPLES || neg < MIN_EXAMPLES) {
                continue;
            }
            LinearSGDTrainer trainer = new LinearSGDTrainer(
                    new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, Integer.MAX_VALUE, 1, seed + j);
            LinearSGDModel model = quietly(() -> (LinearSGDModel) trainer.train(dataset));
            double[] w = new double[width];
            double b = 0;
            for (Map.Entry<String, List<Pair<String, Double>>> e :
                    model.getTopFeatures(-1).entrySet()) {
                double sign = "yes".equals(e.getKey()) ? 1 : "no".equals(e.getKey()) ? -1 : 0;
                for (Pair<String, Double> fw : e.getValue()) {
                    if (Model.BIAS_FEATURE.equals(fw.getA())) {
                        b += sign * fw.getB();
                    } else {
                        w[Integer.parseInt(fw.getA().substring(1))] += sign * fw.getB();
                    }
                }
            }
            weights[j] = w;
            intercepts[j] = b;
        }
        return new SupervisedNicheClassifier(base, weights, intercepts, data.size());
    }

    private static double[] features(ZeroShotNicheClassifier base, float[] vector) {
        double[] z = base.standardisedSimilarities(vector);
        double[] x = new double[vector.length + z.length];
        for (int d = 0; d < vector.length; d++) {
            x[d] = vector[d];
        }
        System.arraycopy(z, 0, x, vector.length, z.length);
        return x;
    }

    /** Tribuo logs every training run at INFO; a classification batch should not print that. */
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

    /** Niches with a trained model (the others use the zero-shot confidence). */
    public List<String> trainedNiches() {
        List<String> ids = base.taxonomy().ids();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < ids.size(); j++) {
            if (weights[j] != null) {
                out.add(ids.get(j));
            }
        }
        return out;
    }

    @Override
    public String id() {
        return "supervised(" + examples + " examples, " + trainedNiches().size() + " niches)+" + base.id();
    }

    @Override
    public NicheScores classify(float[] vector) {
        NicheScores zeroShot = base.classify(vector);
        if (base.isEmpty(vector)) {
            return zeroShot;
        }
        double[] x = features(base, vector);
        List<String> ids = base.taxonomy().ids();
        List<NicheScore> out = new ArrayList<>(ids.size());
        for (int j = 0; j < ids.size(); j++) {
            if (weights[j] == null) {
                out.add(new NicheScore(ids.get(j), zeroShot.confidence(ids.get(j))));
                continue;
            }
            double logit = intercepts[j];
            for (int f = 0; f < x.length; f++) {
                logit += weights[j][f] * x[f];
            }
            out.add(new NicheScore(ids.get(j), Logistic.sigmoid(logit)));
        }
        return new NicheScores(out);
    }
}
