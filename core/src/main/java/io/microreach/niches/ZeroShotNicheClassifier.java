package io.microreach.niches;

import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot niche classification: no labelled accounts needed, only the taxonomy.
 *
 * <p><b>Prototypes.</b> Each niche's prototype is the normalised mean of the embeddings of its description and its
 * example phrases (English and other languages), so a niche is described by a dozen short texts rather than one label
 * word. An account's raw score for a niche is the cosine similarity of its content embedding with the prototype.
 *
 * <p><b>Calibration.</b> Raw cosines are not probabilities and their level depends on the text (length, language,
 * embedder), so each account's similarities are standardised across the niches, z = (s − mean) / sd, and mapped
 * through a logistic curve, confidence = σ(a·z + b). a and b are fitted (Platt scaling, {@link Logistic}) on the
 * taxonomy itself by leave-one-out: every example phrase is scored against prototypes built without it, labelled
 * "belongs" for its own niche and "does not" for the others. This needs no labelled accounts and stays honest about
 * how separable the niches are for the embedder in use. Confidences are independent per niche (multi-label).
 * docs/niches.md reports how well this calibration transfers to whole accounts.
 */
public final class ZeroShotNicheClassifier implements NicheClassifier {
    private final NicheTaxonomy taxonomy;
    private final String embedderId;
    private final float[][] prototypes;
    private final Logistic calibration;

    private ZeroShotNicheClassifier(
            NicheTaxonomy taxonomy, String embedderId, float[][] prototypes, Logistic calibration) {
        this.taxonomy = taxonomy;
        this.embedderId = embedderId;
        this.prototypes = prototypes;
        this.calibration = calibration;
    }

    /** Embeds the taxonomy's texts with {@code embedder} and fits the calibration. */
    public static ZeroShotNicheClassifier build(NicheTaxonomy taxonomy, TextEmbedder embedder) {
        List<Niche> niches = taxonomy.niches();
        int k = niches.size();
        int dims = embedder.dimensions();
        List<List<float[]>> vectors = new ArrayList<>();
        float[][] sums = new float[k][dims];
        for (int j = 0; j < k; j++) {
            Niche n = niches.get(j);
            List<String> texts = new ArrayList<>();
            texts.add(n.description());
            texts.addAll(n.examples());
            List<float[]> embedded = embedder.embedAll(texts);
            vectors.add(embedded);
            for (float[] v : embedded) {
                add(sums[j], v, 1);
            }
        }
        float[][] prototypes = new float[k][];
        for (int j = 0; j < k; j++) {
            prototypes[j] = Vectors.normalised(sums[j].clone());
        }
        // Leave-one-out over the example phrases (index 0 is the description, which always stays in).
        List<Double> zs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<float[]> own = vectors.get(j);
            for (int e = 1; e < own.size(); e++) {
                float[] held = own.get(e);
                float[][] loo = prototypes.clone();
                float[] without = sums[j].clone();
                add(without, held, -1);
                loo[j] = Vectors.normalised(without);
                double[] z = standardised(similarities(loo, held));
                for (int c = 0; c < k; c++) {
                    zs.add(z[c]);
                    ys.add(c == j);
                }
            }
        }
        double[] x = zs.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        return new ZeroShotNicheClassifier(taxonomy, embedder.modelId(), prototypes, Logistic.fit(x, y));
    }

    private static void add(float[] sum, float[] v, int sign) {
        for (int d = 0; d < sum.length; d++) {
            sum[d] += sign * v[d];
        }
    }

    private static double[] similarities(float[][] prototypes, float[] v) {
        double[] s = new double[prototypes.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = Vectors.dot(prototypes[j], v);
        }
        return s;
    }

    /** (s − mean) / sd across niches; all zeros for an empty text. */
    static double[] standardised(double[] s) {
        double mean = 0;
        for (double x : s) {
            mean += x;
        }
        mean /= s.length;
        double var = 0;
        for (double x : s) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / s.length);
        double[] z = new double[s.length];
        if (sd < 1e-9) {
            return z;
        }
        for (int j = 0; j < s.length; j++) {
            z[j] = (s[j] - mean) / sd;
        }
        return z;
    }

    /** Standardised similarities to the niche prototypes, in taxonomy order (also the supervised layer's input). */
    double[] standardisedSimilarities(float[] vector) {
        return standardised(similarities(prototypes, vector));
    }

    boolean isEmpty(float[] vector) {
        for (float x : vector) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String id() {
        return "zero-shot@" + embedderId + "/taxonomy-v" + taxonomy.version();
    }

    /** The fitted σ(a·z + b). */
    Logistic calibration() {
        return calibration;
    }

    /** The model id of the embedder the prototypes were built with. */
    String embedderId() {
        return embedderId;
    }

    int embedderDimensions() {
        return prototypes.length == 0 ? 0 : prototypes[0].length;
    }

    public NicheTaxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    public NicheScores classify(float[] vector) {
        List<String> ids = taxonomy.ids();
        List<NicheScore> out = new ArrayList<>(ids.size());
        if (isEmpty(vector)) {
            ids.forEach(id -> out.add(new NicheScore(id, 0)));
            return new NicheScores(out);
        }
        double[] z = standardisedSimilarities(vector);
        for (int j = 0; j < ids.size(); j++) {
            out.add(new NicheScore(ids.get(j), calibration.probability(z[j])));
        }
        return new NicheScores(out);
    }
}
