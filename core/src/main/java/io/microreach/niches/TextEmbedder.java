package io.microreach.niches;

import java.util.List;

/**
 * Turns text into a fixed-length, L2-normalised vector so that the dot product of two vectors is their cosine
 * similarity. Niche classification, lookalikes and semantic search share one embedder so their vectors are comparable.
 */
public interface TextEmbedder {
    /** Identifies the model and its version; stored with every vector so a model change forces re-embedding. */
    String modelId();

    /** Length of every vector this embedder returns. */
    int dimensions();

    /** The unit-length embedding of {@code text} (an empty or blank text gives a zero vector). */
    float[] embed(String text);

    /** Embeds several texts; implementations may batch. */
    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
