package io.microreach.niches;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of a text as a sparse, hashed bag of words, the supervised layer's second view next to the
 * embedding: a static embedding averages every word into one direction, so a single decisive word ("recipe",
 * "deadlift") is diluted by the rest of the text; a linear model over the words themselves keeps it.
 *
 * <p>The feature hashing trick (Weinberger et al. 2009, "Feature hashing for large scale multitask learning"): each
 * feature string goes to one of {@code 2^bits} buckets by a fixed 32-bit hash (FNV-1a over the UTF-16 chars, then
 * MurmurHash3's finaliser to spread the bits), and its sign comes from the hash's top bit, so colliding features
 * cancel on average instead of adding up. No vocabulary is stored: the model file holds only the bucket weights, and a
 * word never seen in training simply hits a bucket with a small weight. Counts are damped by sublinear term frequency
 * ({@code 1 + ln tf}, Salton &amp; Buckley 1988) and the vector is L2-normalised, so long and short texts weigh alike.
 * Words are maximal runs of letters and digits, lower-cased in the root locale (so "Müsli" and "müsli" meet). Word
 * pairs (bigrams) were tried as well: they fitted the Reddit training text better but carried over to Instagram
 * captions worse (docs/niches.md), so only single words are hashed. The hash is part of the model format: changing it
 * means a new model file version.
 */
final class LexicalFeatures {
    /** The feature vector of one text: bucket indices, ascending and distinct, with their values. */
    public record Hashed(int[] indices, float[] values) {
        public Hashed {
            if (indices.length != values.length) {
                throw new IllegalArgumentException(indices.length + " indices but " + values.length + " values");
            }
        }

        public int size() {
            return indices.length;
        }
    }

    private static final Hashed EMPTY = new Hashed(new int[0], new float[0]);

    private final int bits;
    private final int mask;

    /** Hashes into {@code 2^bits} buckets (1 to 24 bits). */
    public LexicalFeatures(int bits) {
        if (bits < 1 || bits > 24) {
            throw new IllegalArgumentException("bits must be 1 to 24, not " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public int buckets() {
        return 1 << bits;
    }

    /** The hashed, sublinear, L2-normalised words of {@code text} (empty for a blank text). */
    public Hashed of(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words(text)) {
            counts.merge(word, 1, Integer::sum);
        }
        Map<Integer, Double> buckets = new HashMap<>();
        counts.forEach((feature, count) -> {
            int h = hash(feature);
            double value = (1 + Math.log(count)) * (h < 0 ? -1 : 1);
            buckets.merge(h & mask, value, Double::sum);
        });
        int[] indices =
                buckets.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double norm = 0;
        for (double v : buckets.values()) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] values = new float[indices.length];
        for (int k = 0; k < indices.length; k++) {
            values[k] = norm == 0 ? 0 : (float) (buckets.get(indices[k]) / norm);
        }
        return new Hashed(indices, values);
    }

    /** Maximal runs of letters and digits, lower-cased (root locale). */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** FNV-1a (32-bit) over the UTF-16 chars, then MurmurHash3's fmix32. */
    static int hash(String feature) {
        int h = 0x811c9dc5;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public String toString() {
        return "LexicalFeatures[" + bits + " bits]";
    }

    static Hashed empty() {
        return EMPTY;
    }
}
