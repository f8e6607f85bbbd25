package io.microreach.app.niches;

/**
 * Published (synchronously) after every stored account was classified again on its own, outside a rescoring (the
 * {@code classify} command), so the search index, whose niche fields and embeddings came from the previous
 * classification, picks the new niches up without a separate {@code reindex}. The classification that follows a
 * rescoring does not publish it: the rescoring's own event refreshes the index right after.
 *
 * @param accounts how many accounts were classified
 */
public record NichesReclassified(long accounts) {}
