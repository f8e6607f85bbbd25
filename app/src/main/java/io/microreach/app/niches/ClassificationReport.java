package io.microreach.app.niches;

import java.time.Duration;

/**
 * What a classification run did.
 *
 * @param embedded accounts whose text was embedded (new or changed content, or another embedder)
 * @param reused accounts whose stored embedding was still current (same content hash and model)
 */
public record ClassificationReport(int accounts, int embedded, int reused, String classifier, Duration elapsed) {}
