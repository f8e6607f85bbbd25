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
 * <p><b>Lexical features.</b> Next to the embedding the model can see the text's words themselves: hashed unigrams
 * ({@link LexicalFeatures}, {@value #LEXICAL_BITS} bits, sublinear term frequency, L2-normalised, scaled by {@value
 * #LEXICAL_SCALE} against the unit-length embedding), trained jointly in the same logistic regression with the same
 * AdaGrad steps. An average of token rows dilutes one decisive word ("deadlift", "recipe") among the rest; a weight per
 * word keeps it. On the Reddit hold-out this gained about 0.01 macro-F1 and on real Instagram creators a little
 * (docs/niches.md, "What was tried"); bigrams and a larger scale fitted Reddit better but carried over to Instagram
 * worse, so unigrams at half weight ship. The lexical part needs the text at classification time ({@link
 * #classify(float[], String)}); without it the model answers from the embedding alone, as a text without words
 * would be answered. Models trained from corrections in the app have no lexical part (their examples are stored
 * vectors).
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
    /** 2: adds the lexical part (format 1, embedding only, is refused: retrain). */
    private static final int FORMAT = 2;

    /** Buckets of the lexical features: 2^18, so that collisions among the ~60,000 training words are rare. */
    public static final int LEXICAL_BITS = 18;
    /** Length of the lexical feature vector next to the unit-length embedding (tuned: 0.5 against 1). */
    public static final double LEXICAL_SCALE = 0.5;

    private final ZeroShotNicheClassifier base;
    private final NicheClassifier fallback;
    /** Per niche (taxonomy order): weights over [vector, z], or null where the fallback answers. */
    private final double[][] weights;

    private final double[] intercepts;
    /** The hashing of the lexical part, or null for a model without one. */
    private final LexicalFeatures lexical;
    /** Buckets with a weight, ascending (the others weigh 0 for every niche). */
    private final int[] lexicalBuckets;
    /** Per niche (taxonomy order): the weight of each bucket of {@link #lexicalBuckets}, or null. */
    private final float[][] lexicalWeights;

    private final int examples;
    private final String name;

    private SupervisedNicheClassifier(
            ZeroShotNicheClassifier base,
            NicheClassifier fallback,
            double[][] weights,
            double[] intercepts,
            LexicalFeatures lexical,
            int[] lexicalBuckets,
            float[][] lexicalWeights,
            int examples,
            String name) {
        this.base = base;
        this.fallback = fallback;
        this.weights = weights;
        this.intercepts = intercepts;
        this.lexical = lexical;
        this.lexicalBuckets = lexicalBuckets;
        this.lexicalWeights = lexicalWeights;
        this.examples = examples;
        this.name = name;
    }

    /** Trained on {@code data} (embedding only); niches without enough examples use the zero-shot layer. */
    public static SupervisedNicheClassifier train(ZeroShotNicheClassifier base, List<LabelledVector> data, long seed) {
        return train(base, base, data, seed, false);
    }

    /** Trained on {@code data} (embedding only); niches without enough examples use {@code fallback}. */
    public static SupervisedNicheClassifier train(
            ZeroShotNicheClassifier base, NicheClassifier fallback, List<LabelledVector> data, long seed) {
        return train(base, fallback, data, seed, false);
    }

    /**
     * Trained on {@code data}; with {@code lexical}, also on the examples' texts' words ({@link LabelledVector#text()}).
     * Niches without enough examples use {@code fallback} (e.g. the shipped model).
     */
    public static SupervisedNicheClassifier train(
            ZeroShotNicheClassifier base,
            NicheClassifier fallback,
            List<LabelledVector> data,
            long seed,
            boolean lexical) {
        List<String> ids = base.taxonomy().ids();
        double[][] features = new double[data.size()][];
        LexicalFeatures.Hashed[] words = new LexicalFeatures.Hashed[data.size()];
        LexicalFeatures hashing = lexical ? new LexicalFeatures(LEXICAL_BITS) : null;
        for (int i = 0; i < data.size(); i++) {
            features[i] = features(base, data.get(i).vector());
            words[i] = lexical ? scaled(hashing.of(data.get(i).text())) : LexicalFeatures.empty();
        }
        double[][] weights = new double[ids.size()][];
        double[] intercepts = new double[ids.size()];
        double[][] lexicalDense = new double[ids.size()][];
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
            double[] lw = lexical ? new double[hashing.buckets()] : new double[0];
            double[] w = fit(features, words, lw, rows, labels, new Random(seed + j));
            weights[j] = java.util.Arrays.copyOf(w, w.length - 1);
            intercepts[j] = w[w.length - 1];
            lexicalDense[j] = lexical ? lw : null;
        }
        String name = "supervised(" + data.size() + " examples" + (lexical ? ", words" : "") + ")";
        int[] buckets = new int[0];
        float[][] lexicalWeights = new float[ids.size()][];
        if (lexical) {
            java.util.BitSet used = new java.util.BitSet(hashing.buckets());
            for (LexicalFeatures.Hashed h : words) {
                for (int b : h.indices()) {
                    used.set(b);
                }
            }
            buckets = used.stream().toArray();
            for (int j = 0; j < ids.size(); j++) {
                if (lexicalDense[j] != null) {
                    lexicalWeights[j] = new float[buckets.length];
                    for (int k = 0; k < buckets.length; k++) {
                        lexicalWeights[j][k] = (float) lexicalDense[j][buckets[k]];
                    }
                }
            }
        }
        return new SupervisedNicheClassifier(
                base, fallback, weights, intercepts, hashing, buckets, lexicalWeights, data.size(), name);
    }

    /** The lexical vector at its length next to the embedding ({@link #LEXICAL_SCALE}). */
    private static LexicalFeatures.Hashed scaled(LexicalFeatures.Hashed h) {
        float[] values = h.values().clone();
        for (int k = 0; k < values.length; k++) {
            values[k] *= (float) LEXICAL_SCALE;
        }
        return new LexicalFeatures.Hashed(h.indices(), values);
    }

    /**
     * Logistic regression by SGD with AdaGrad over the dense features and the sparse lexical ones ({@code lexical}
     * receives their weights); returns the dense weights with the intercept last.
     */
    private static double[] fit(
            double[][] x,
            LexicalFeatures.Hashed[] words,
            double[] lexical,
            List<Integer> rows,
            List<Boolean> labels,
            Random random) {
        int width = x[rows.get(0)].length;
        double[] w = new double[width + 1];
        double[] g2 = new double[width + 1];
        double[] lexicalG2 = new double[lexical.length];
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
                int row = rows.get(k);
                double[] xi = x[row];
                LexicalFeatures.Hashed si = words[row];
                double logit = w[width];
                for (int f = 0; f < width; f++) {
                    logit += w[f] * xi[f];
                }
                for (int q = 0; q < si.size(); q++) {
                    logit += lexical[si.indices()[q]] * si.values()[q];
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
                for (int q = 0; q < si.size(); q++) {
                    int f = si.indices()[q];
                    double gf = g * si.values()[q];
                    lexicalG2[f] += gf * gf;
                    lexical[f] -= LEARNING_RATE * gf / (EPSILON + Math.sqrt(lexicalG2[f]));
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

    /** True when the model also reads the text's words (then classify with {@link #classify(float[], String)}). */
    public boolean readsWords() {
        return lexical != null;
    }

    /** From the embedding alone (a model with a lexical part answers as for a text without words). */
    @Override
    public NicheScores classify(float[] vector) {
        return classify(vector, null);
    }

    @Override
    public NicheScores classify(float[] vector, String text) {
        NicheScores other = fallback.classify(vector, text);
        if (base.isEmpty(vector)) {
            return other;
        }
        double[] x = features(base, vector);
        LexicalFeatures.Hashed words =
                lexical == null || text == null ? LexicalFeatures.empty() : scaled(lexical.of(text));
        int[] at = new int[words.size()];
        for (int q = 0; q < at.length; q++) {
            at[q] = java.util.Arrays.binarySearch(lexicalBuckets, words.indices()[q]);
        }
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
            if (lexicalWeights[j] != null) {
                for (int q = 0; q < at.length; q++) {
                    if (at[q] >= 0) {
                        logit += lexicalWeights[j][at[q]] * words.values()[q];
                    }
                }
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
        // The lexical part: bits (0 = none), the used buckets, then per trained niche its weights as 16-bit integers
        // with one float scale (max |w| / 32767): half the size of floats, and the rounding (at most 1/65,534 of the
        // largest weight) moves no confidence by more than about 1e-4.
        out.writeInt(lexical == null ? 0 : lexical.bits());
        if (lexical != null) {
            out.writeInt(lexicalBuckets.length);
            for (int b : lexicalBuckets) {
                out.writeInt(b);
            }
            for (int j = 0; j < ids.size(); j++) {
                if (weights[j] == null) {
                    continue;
                }
                float max = 0;
                for (float w : lexicalWeights[j]) {
                    max = Math.max(max, Math.abs(w));
                }
                float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
                out.writeFloat(scale);
                for (float w : lexicalWeights[j]) {
                    out.writeShort(Math.round(w / scale));
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
        if (in.readInt() != MAGIC) {
            throw new IllegalArgumentException("not a niche model (no MRNM header)");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("the niche model is of format " + format + ", this version reads format "
                    + FORMAT + " only (format 2 added the words of the text); retrain it, e.g. with microreach eval"
                    + " niches --public-data ../shared/data --write-model FILE");
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
        int bits = in.readInt();
        if (bits == 0) {
            return new SupervisedNicheClassifier(
                    base, base, weights, intercepts, null, new int[0], new float[count][], examples, name);
        }
        if (bits != LEXICAL_BITS) {
            throw new IllegalArgumentException(
                    "the niche model hashes words into 2^" + bits + " buckets, this version into 2^" + LEXICAL_BITS);
        }
        int used = in.readInt();
        if (used < 0 || used > 1 << bits) {
            throw new IllegalArgumentException("the niche model lists " + used + " word buckets of " + (1 << bits));
        }
        int[] buckets = new int[used];
        for (int k = 0; k < used; k++) {
            buckets[k] = in.readInt();
            if (buckets[k] < 0 || buckets[k] >= 1 << bits || (k > 0 && buckets[k] <= buckets[k - 1])) {
                throw new IllegalArgumentException(
                        "the niche model's word bucket " + k + " (" + buckets[k] + ") is out of range or out of order");
            }
        }
        float[][] lexicalWeights = new float[count][];
        for (int j = 0; j < count; j++) {
            if (weights[j] == null) {
                continue;
            }
            float scale = in.readFloat();
            lexicalWeights[j] = new float[used];
            for (int k = 0; k < used; k++) {
                lexicalWeights[j][k] = in.readShort() * scale;
            }
        }
        return new SupervisedNicheClassifier(
                base, base, weights, intercepts, new LexicalFeatures(bits), buckets, lexicalWeights, examples, name);
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
