package io.microreach.app.search;

import org.apache.lucene.document.Document;

/** One document under consideration for a page, with what ranking and explaining read about it. */
final class Candidate {
    final int doc;
    long id;
    /** Raw BM25 of the keywords: NaN until read, 0 when the account does not match them. */
    double bm25 = Double.NaN;

    double cosine = Double.NaN;
    Double trust;
    /** The share of the trust score's weight that had data; null when the scorecard does not say (taken as 1). */
    Double trustCoverage;

    NicheScore niche;
    /**
     * The semantic term's share of its weight (0..1), set by the ranker from the cosine relative to the pool; NaN
     * without a brief.
     */
    double semantic = Double.NaN;
    /** The sum of the weights of the {@link Boost}s the account matches. */
    double boost;
    /** The labels of those boosts. */
    java.util.List<String> boosts = java.util.List.of();

    /** The creator's reliability factor in the caller's workspace (1 without a campaign record or weight). */
    double reliability = 1.0;

    double score;
    Document stored;

    Candidate(int doc) {
        this.doc = doc;
    }
}
