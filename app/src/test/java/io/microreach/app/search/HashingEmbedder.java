package io.microreach.app.search;

import io.microreach.niches.TextEmbedder;
import java.util.Locale;

/**
 * A deterministic stand-in for the sentence-embedding model in tests: each lower-cased word is hashed into one of 384
 * buckets with a hashed sign, and the sum is normalised. Texts sharing words get a high cosine, texts sharing none
 * about 0, which is all the search tests need.
 */
final class HashingEmbedder implements TextEmbedder {
    static final int DIMS = 384;

    @Override
    public String modelId() {
        return "test-hashing-384";
    }

    @Override
    public int dimensions() {
        return DIMS;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[DIMS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int h = word.hashCode() * 0x9E3779B1;
            v[Math.floorMod(h, DIMS)] += ((h >>> 31) == 0) ? 1f : -1f;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMS; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
