package io.microreach.bench;

import io.microreach.niches.TextEmbedder;
import java.util.List;
import java.util.Random;

/**
 * The old mode ({@code --vectors isotropic}): 20 synthetic niches with 60-word vocabularies ({@code n7w12}) and
 * random unit centroids; a vector is normalise(centroid + N(0, 0.06²) per dimension). Close to a worst case for an
 * ANN index: within a niche all neighbours are nearly equidistant.
 */
final class IsotropicDataSet extends SearchDataSet {
    static final int NICHES = 20;
    static final int NICHE_WORDS = 60;
    static final int COMMON_WORDS = 500;
    static final double NOISE = 0.06;

    final float[][] centroids = new float[NICHES][];

    IsotropicDataSet(long seed) {
        super(seed);
        Random r = new Random(seed);
        for (int k = 0; k < NICHES; k++) {
            float[] c = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                c[d] = (float) r.nextGaussian();
            }
            centroids[k] = normalise(c);
        }
    }

    @Override
    Row row(int a) {
        Random r = new Random(seed * 1_000_003L + a);
        int niche = r.nextInt(NICHES);
        int second = r.nextDouble() < 0.33 ? (niche + 1 + r.nextInt(NICHES - 1)) % NICHES : -1;
        StringBuilder bio = new StringBuilder();
        for (int w = 0; w < 30; w++) {
            double u = r.nextDouble();
            if (u < 0.7) {
                int k = second >= 0 && u < 0.2 ? second : niche;
                bio.append('n').append(k).append('w').append(r.nextInt(NICHE_WORDS));
            } else {
                bio.append('c').append(r.nextInt(COMMON_WORDS));
            }
            bio.append(' ');
        }
        return row(
                r,
                LANGUAGES[r.nextInt(LANGUAGES.length)],
                "n" + niche,
                second >= 0 ? "n" + second : null,
                0.3 + r.nextDouble() * 0.4,
                bio.toString().strip());
    }

    @Override
    float[] vector(int a) {
        Random r = new Random(seed * 7_000_003L + a);
        int niche = new Random(seed * 1_000_003L + a).nextInt(NICHES);
        return noisy(centroids[niche], r);
    }

    /** normalise(centroid + N(0, NOISE²) per dimension). */
    private static float[] noisy(float[] centroid, Random r) {
        float[] v = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
            v[d] = (float) (centroid[d] + NOISE * r.nextGaussian());
        }
        return normalise(v);
    }

    @Override
    String briefText(int i) {
        Random r = new Random(seed * 31 + i);
        int k = r.nextInt(NICHES);
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            sb.append('n').append(k).append('w').append(r.nextInt(NICHE_WORDS)).append(' ');
        }
        return sb.toString().strip();
    }

    @Override
    List<String> briefWords(int i) {
        return List.of(briefText(i).split(" "));
    }

    @Override
    String randomNiche(Random r) {
        return "n" + r.nextInt(NICHES);
    }

    @Override
    String[] keywordWords(Random r) {
        int k = r.nextInt(NICHES);
        return new String[] {"n" + k + "w" + r.nextInt(NICHE_WORDS), "n" + k + "w" + r.nextInt(NICHE_WORDS)};
    }

    /** Brief → the centroid of its dominant niche plus noise (seeded by the text), normalised. */
    @Override
    TextEmbedder embedder() {
        return new TextEmbedder() {
            @Override
            public String modelId() {
                return "synthetic-centroids";
            }

            @Override
            public int dimensions() {
                return DIMS;
            }

            @Override
            public float[] embed(String text) {
                return noisy(centroids[dominantNiche(text)], new Random(text.hashCode()));
            }
        };
    }

    /** The niche with the most {@code nKwW} words in {@code text} (the lowest on a tie). */
    private static int dominantNiche(String text) {
        int[] votes = new int[NICHES];
        for (String w : text.split(" ")) {
            if (w.startsWith("n") && w.contains("w")) {
                votes[Integer.parseInt(w.substring(1, w.indexOf('w')))]++;
            }
        }
        int k = 0;
        for (int i = 1; i < NICHES; i++) {
            if (votes[i] > votes[k]) {
                k = i;
            }
        }
        return k;
    }
}
