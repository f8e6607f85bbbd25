package io.microreach.niches;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The fast path: a static token-embedding table distilled at build time from bge-small-en-v1.5 and the bundled
 * all-MiniLM-L6-v2, their two 384-dimensional rows side by side (768 dimensions; see {@link StaticTableDistiller} for
 * why two). A text's vector is the weighted mean of its WordPiece tokens' rows, L2-normalised: no
 * transformer at run time, so throughput is bounded by tokenising and adding rows (docs/niches.md has the numbers).
 * The vectors live in their own space: never compare them with {@link MiniLmEmbedder} vectors (the model id differs,
 * so stored vectors are recomputed when the embedder changes).
 *
 * <p>Token weights follow the SIF idea (Arora, Liang &amp; Ma 2017, "A simple but tough-to-beat baseline for
 * sentence embeddings"): weight = a / (a + p(token)), with p estimated from Zipf's law on the vocabulary rank, since
 * BERT's vocabulary lists whole words roughly by frequency from id 1996 on (p ∝ 1/rank). Frequent words ("the",
 * "my") and single characters count little, rare content words fully. Model2Vec uses the same rank-based trick. The
 * half-weight rank is 300 (a word of rank 300 counts half; MiniLM's table alone used 150): on the tuning data flatter
 * weights (300, 600) beat 50 and 150 for zero-shot and trained classification alike and were level with each other
 * (docs/niches.md, "What was tried"); 300 keeps music video titles ("… (Official Music Video)") in music, 600 let
 * "video" pull them to tech. Flatter weights let the many mid-frequency words of captions ("outfit", "recipe") count
 * more against the rare ones.
 */
public final class StaticEmbedder implements TextEmbedder {
    static final String TABLE = "bge-minilm-static.bin.gz";
    /** A new id whenever the table or the weights change: stored vectors of another id are recomputed. */
    public static final String MODEL_ID = "bge-minilm-static-int8@1";
    /** First id of BERT's frequency-ordered whole-word vocabulary (ids below are special tokens and characters). */
    private static final int FIRST_WORD = 1996;
    /** SIF's a / p(rank 1): a word at this rank gets weight 0.5. */
    private static final double HALF_WEIGHT_RANK = 300;

    private final WordPieceTokenizer tokenizer;
    private final int dims;
    private final byte[] table;
    /** Per-row scale × token weight, so a row's contribution is {@code scale[id] * table[id*dims + d]}. */
    private final float[] scale;

    private StaticEmbedder(WordPieceTokenizer tokenizer, int dims, byte[] table, float[] scale) {
        this.tokenizer = tokenizer;
        this.dims = dims;
        this.table = table;
        this.scale = scale;
    }

    /** Loads the shipped table (about 0.3 s). */
    public static StaticEmbedder load() {
        WordPieceTokenizer tokenizer = WordPieceTokenizer.miniLm();
        try (InputStream raw = StaticEmbedder.class.getResourceAsStream(TABLE)) {
            if (raw == null) {
                throw new IllegalStateException("the static token table " + TABLE + " is not on the classpath");
            }
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
            if (in.readInt() != StaticTableDistiller.MAGIC || in.readInt() != StaticTableDistiller.FORMAT) {
                throw new IllegalStateException(
                        TABLE + " is not a static token table of format " + StaticTableDistiller.FORMAT);
            }
            int vocab = in.readInt();
            int dims = in.readInt();
            if (vocab != tokenizer.vocabularySize()) {
                throw new IllegalStateException(
                        TABLE + " has " + vocab + " rows but the tokenizer " + tokenizer.vocabularySize() + " tokens");
            }
            byte[] table = new byte[vocab * dims];
            float[] scale = new float[vocab];
            for (int id = 0; id < vocab; id++) {
                scale[id] = in.readFloat() / 127 * (float) weight(id);
                in.readFully(table, id * dims, dims);
            }
            return new StaticEmbedder(tokenizer, dims, table, scale);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static token table: " + e.getMessage(), e);
        }
    }

    static double weight(int id) {
        double rank = Math.max(1, id - FIRST_WORD + 1);
        return rank / (rank + HALF_WEIGHT_RANK);
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return dims;
    }

    /** In parallel over the texts: each text is cheap, so a batch is what is worth spreading over the cores. */
    @Override
    public java.util.List<float[]> embedAll(java.util.List<String> texts) {
        return texts.size() < 64
                ? texts.stream().map(this::embed).toList()
                : texts.parallelStream().map(this::embed).toList();
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dims];
        if (text == null || text.isBlank()) {
            return v;
        }
        for (int id : tokenizer.encode(text)) {
            float s = scale[id];
            if (s == 0) {
                continue;
            }
            int base = id * dims;
            for (int d = 0; d < dims; d++) {
                v[d] += s * table[base + d];
            }
        }
        return Vectors.normalised(v);
    }
}
