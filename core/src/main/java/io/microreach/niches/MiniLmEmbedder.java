package io.microreach.niches;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The full model: all-MiniLM-L6-v2 (quantised, ONNX) as packaged by langchain4j-embeddings, run in-process on ONNX
 * Runtime with mean pooling and L2 normalisation; texts longer than the model's window are embedded in parts and
 * averaged by langchain4j. About 120 texts/s on two cores for 100-word texts (docs/niches.md), so the app uses the
 * {@link StaticEmbedder fast path} unless configured otherwise.
 *
 * <p>DJL unpacks its native tokenizer into {@code DJL_CACHE_DIR} (environment variable or system property, default
 * {@code ~/.djl.ai}); callers that care where that goes set the property before the first use.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    public static final String MODEL_ID = "all-minilm-l6-v2-q@langchain4j-1.19.0-beta29";
    static final int DIMENSIONS = 384;

    private final EmbeddingModel model;

    public MiniLmEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        return Vectors.normalised(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out.add(new float[DIMENSIONS]);
            String t = texts.get(i);
            if (t != null && !t.isBlank()) {
                segments.add(TextSegment.from(t));
                positions.add(i);
            }
        }
        if (!segments.isEmpty()) {
            List<Embedding> embedded = model.embedAll(segments).content();
            for (int k = 0; k < embedded.size(); k++) {
                out.set(positions.get(k), Vectors.normalised(embedded.get(k).vector()));
            }
        }
        return out;
    }
}
