/**
 * Niche classification in the app: the {@link io.microreach.niches.TextEmbedder} bean shared with search, the
 * listener that classifies accounts after scoring, storage of embeddings, niches and user corrections (Spring JDBC),
 * the public {@link io.microreach.app.niches.NicheService} and the REST endpoints. Uses the core's
 * {@code io.microreach.niches}; nothing here knows about search or the web pages.
 */
package io.microreach.app.niches;
