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
    NicheScore niche;
    double score;
    Document stored;

    Candidate(int doc) {
        this.doc = doc;
    }
}
