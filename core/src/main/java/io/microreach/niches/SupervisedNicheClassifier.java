package io.microreach.niches;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The supervised layer on top of the embeddings, trained on labelled examples (the shipped model: public Reddit
 * titles; in the app also user corrections; or a labelled file).
 *
 * <p>One-vs-rest logistic regression per niche on the content embedding plus the zero-shot layer's standardised
 * prototype similarities, so that with few labels the model can lean on the prototypes and with many it learns the
 * niche's own direction. Trained by stochastic gradient descent with AdaGrad step sizes (Duchi, Hazan &amp; Singer
 * 2011; the same optimiser and defaults as Tribuo's {@code LinearSGDTrainer}, written out here because Tribuo's generic
 * tensors made 50,000 examples × 400 features × 18 niches take minutes instead of seconds). The example order of
 * each epoch comes from a seeded {@link Random}, so training is deterministic. The logistic loss is a proper scoring
 * rule, so its probabilities are calibrated where the model fits (docs/niches.md reports the calibration error). A
 * niche with fewer than {@link #MIN_EXAMPLES} positive or negative examples keeps the fallback's confidence (the
 * shipped model or the zero-shot layer): a model trained on two examples would be worse.
 *
 * <p>A trained model can be written and read back ({@link #write}, {@link #read}); the file names the embedder and
 * taxonomy version it was trained for, and reading refuses another, since the weights mean nothing in another vector
 * space. The shipped model lives next to this class as {@code <embedder id>.niche-model} (see {@link #shipped}).
 */
public final class SupervisedNicheClassifier implements NicheClassifier {
    public static final int MIN_EXAMPLES = 5;
    private static final int EPOCHS = 15;
    private static final double LEARNING_RATE = 0.1;
    private static final double EPSILON = 0.1;
    private static final int MAGIC = 0x4D524E4D; // "MRNM"
    private static final int FORMAT = 1;

    private final ZeroShotNicheClassifier base;
    private final NicheClassifier fallback;
    /** Per niche (taxonomy order): weights over [vector, z], or null where the fallback answers. */
    private final double[][] weights;

    private final double[] intercepts;
    private final int examples;
    private final String name;

    private SupervisedNicheClassifier(
            ZeroShotNicheClassifier base,
            NicheClassifier fallback,
            double[][] weights,
            double[] intercepts,
            int examples,
            String name) {
        this.base = base;
        this.fallback = fallback;
        this.weights = weights;
        this.intercepts = intercepts;
        this.examples = examples;
        this.name = name;
    }

    /** Trained on {@code data}; niches without enough examples use the zero-shot layer. */
    public static SupervisedNicheClassifier train(ZeroShotNicheClassifier base, List<LabelledVector> data, long seed) {
        return train(base, base, data, seed);
    }

    /** Trained on {@code data}; niches without enough examples use {@code fallback} (e.g. the shipped model). */
    public static SupervisedNicheClassifier train(
            ZeroShotNicheClassifier base, NicheClassifier fallback, List<LabelledVector> data, long seed) {
        List<String> ids = base.taxonomy().ids();
        double[][] features = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            features[i] = features(base, data.get(i).vector());
        }
        double[][] weights = new double[ids.size()][];
        double[] intercepts = new double[ids.size()];
        for (int j = 0; j < ids.size(); j++) {
            String niche = ids.get(j);
            List<Integer> rows = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            int pos = 0;
            for (int i = 0; i < data.size(); i++) {
                LabelledVector lv = data.get(i);
                boolean p = lv.positives().contains(niche);
                if (p || lv.negatives().contains(niche)) {
                    rows.add(i);
                    labels.add(p);
                    pos += p ? 1 : 0;
                }
            }
            if (pos < MIN_EXAMPLES || rows.size() - pos < MIN_EXAMPLES) {
                continue;
            }
            double[] w = fit(features, rows, labels, new Random(seed + j));
            weights[j] = java.util.Arrays.copyOf(w, w.length - 1);
            intercepts[j] = w[w.length - 1];
        }
        String name = "supervised(" + data.size() + " examples)";
        return new SupervisedNicheClassifier(base, fallback, weights, intercepts, data.size(), name);
    }

    /** Logistic regression by SGD with AdaGrad; returns the weights with the intercept last. */
    private static double[] fit(double[][] x, List<Integer> rows, List<Boolean> labels, Random random) {
        int width = x[rows.get(0)].length;
        double[] w = new double[width + 1];
        double[] g2 = new double[width + 1];
        int[] order = new int[rows.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int k = order.length - 1; k > 0; k--) {
                int r = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[r];
                order[r] = t;
            }
            for (int k : order) {
                double[] xi = x[rows.get(k)];
                double logit = w[width];
                for (int f = 0; f < width; f++) {
                    logit += w[f] * xi[f];
                }
                double g = Logistic.sigmoid(logit) - (labels.get(k) ? 1 : 0);
                if (g == 0) {
                    continue;
                }
                for (int f = 0; f < width; f++) {
                    double gf = g * xi[f];
                    g2[f] += gf * gf;
                    w[f] -= LEARNING_RATE * gf / (EPSILON + Math.sqrt(g2[f]));
                }
                g2[width] += g * g;
                w[width] -= LEARNING_RATE * g / (EPSILON + Math.sqrt(g2[width]));
            }
        }
        return w;
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

    /** Niches with a trained model (the others use the fallback's confidence). */
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

    /** Examples the model was trained on. */
    public int examples() {
        return examples;
    }

    @Override
    public String id() {
        String own = name + "[" + trainedNiches().size() + " niches]";
        return own + "+" + fallback.id();
    }

    @Override
    public NicheScores classify(float[] vector) {
        NicheScores other = fallback.classify(vector);
        if (base.isEmpty(vector)) {
            return other;
        }
        double[] x = features(base, vector);
        List<String> ids = base.taxonomy().ids();
        List<NicheScore> out = new ArrayList<>(ids.size());
        for (int j = 0; j < ids.size(); j++) {
            if (weights[j] == null) {
                out.add(new NicheScore(ids.get(j), other.confidence(ids.get(j))));
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

    /**
     * Writes the weights (as 32-bit floats) with the embedder id, the taxonomy version and {@code name}, the identity
     * the model is reported under once read back (e.g. "reddit_top2013"). The fallback is not part of the file.
     */
    public void write(OutputStream target, String name) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(base.embedderId());
        out.writeInt(base.taxonomy().version());
        out.writeUTF(name);
        out.writeInt(examples);
        List<String> ids = base.taxonomy().ids();
        out.writeInt(ids.size());
        for (int j = 0; j < ids.size(); j++) {
            out.writeUTF(ids.get(j));
            out.writeBoolean(weights[j] != null);
            if (weights[j] != null) {
                out.writeInt(weights[j].length);
                out.writeFloat((float) intercepts[j]);
                for (double w : weights[j]) {
                    out.writeFloat((float) w);
                }
            }
        }
        out.flush();
    }

    /**
     * Reads a model written by {@link #write}; niches it has no weights for use the zero-shot layer.
     *
     * @throws IllegalArgumentException when the file is not a model, or was trained for another embedder or taxonomy
     */
    public static SupervisedNicheClassifier read(InputStream source, ZeroShotNicheClassifier base) throws IOException {
        DataInputStream in = new DataInputStream(source);
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IllegalArgumentException("not a niche model of format " + FORMAT);
        }
        String embedder = in.readUTF();
        int taxonomyVersion = in.readInt();
        if (!embedder.equals(base.embedderId())
                || taxonomyVersion != base.taxonomy().version()) {
            throw new IllegalArgumentException("the niche model was trained for " + embedder + " and taxonomy v"
                    + taxonomyVersion + ", not " + base.embedderId() + " and taxonomy v"
                    + base.taxonomy().version());
        }
        String name = in.readUTF();
        int examples = in.readInt();
        List<String> ids = base.taxonomy().ids();
        int count = in.readInt();
        if (count != ids.size()) {
            throw new IllegalArgumentException("the niche model has " + count + " niches, the taxonomy " + ids.size());
        }
        double[][] weights = new double[count][];
        double[] intercepts = new double[count];
        int width = base.embedderDimensions() + count;
        for (int j = 0; j < count; j++) {
            String id = in.readUTF();
            if (!id.equals(ids.get(j))) {
                throw new IllegalArgumentException(
                        "the niche model's niche " + j + " is '" + id + "', the taxonomy's '" + ids.get(j) + "'");
            }
            if (in.readBoolean()) {
                int length = in.readInt();
                if (length != width) {
                    throw new IllegalArgumentException(
                            "the niche model has " + length + " weights per niche, expected " + width);
                }
                intercepts[j] = in.readFloat();
                weights[j] = new double[length];
                for (int f = 0; f < length; f++) {
                    weights[j][f] = in.readFloat();
                }
            }
        }
        return new SupervisedNicheClassifier(base, base, weights, intercepts, examples, name);
    }

    /** Resource name of the shipped model for an embedder. */
    static String resourceName(String embedderId) {
        return embedderId.replaceAll("[^A-Za-z0-9.-]", "_") + ".niche-model";
    }

    /** The model shipped for {@code base}'s embedder and taxonomy, if there is one. */
    public static Optional<SupervisedNicheClassifier> shipped(ZeroShotNicheClassifier base) {
        try (InputStream in = SupervisedNicheClassifier.class.getResourceAsStream(resourceName(base.embedderId()))) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(new java.io.BufferedInputStream(in), base));
        } catch (IllegalArgumentException e) {
            // A taxonomy other than the shipped one (tests, custom taxonomies) gets no shipped model.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped niche model: " + e.getMessage(), e);
        }
    }
}
