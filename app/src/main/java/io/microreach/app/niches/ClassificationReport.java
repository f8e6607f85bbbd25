package io.microreach.app.niches;

import java.time.Duration;

/**
 * What a classification run did.
 *
 * @param embedded accounts whose text was embedded (new or changed content, or another embedder)
 * @param reused accounts whose stored embedding was still current (same content hash and model)
 * @param unclear accounts left without a model niche (empty text, or best niche below the unclear floor)
 */
public record ClassificationReport(
        int accounts, int embedded, int reused, int unclear, String classifier, Duration elapsed) {}
