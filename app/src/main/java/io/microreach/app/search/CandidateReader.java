package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.ID;
import static io.microreach.app.search.IndexFields.TRUST;
import static io.microreach.app.search.IndexFields.VECTOR;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.VectorUtil;

/**
 * Reads what ranking and explaining need for candidates in one pass in document order, per segment one iterator each:
 * the id, trust and requested niche confidences from doc values, the raw BM25 of the keywords (a scorer advanced
 * through the documents) and the exact cosine from the stored float vector. Opening an iterator per document instead
 * costs more than the reads themselves.
 */
final class CandidateReader {
    private final IndexSearcher searcher;
    private final Query keywords;
    private final List<String> niches;
    private final List<String> nicheFields;
    private final float[] brief;

    /**
     * @param keywords the keyword query whose BM25 to read, or null for none
     * @param niches the requested niches, whose best confidence to read
     * @param brief the brief's embedding to take cosines with, or null for none
     */
    CandidateReader(IndexSearcher searcher, Query keywords, List<String> niches, float[] brief) {
        this.searcher = searcher;
        this.keywords = keywords;
        this.niches = niches;
        this.nicheFields = niches.stream().map(IndexFields::nicheConfidence).toList();
        this.brief = brief;
    }

    /** Sets each candidate's id, trust, best requested niche and, where asked for, BM25 and cosine. */
    void fill(List<Candidate> candidates) throws IOException {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparingInt(c -> c.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Weight keywordWeight =
                keywords == null ? null : searcher.createWeight(searcher.rewrite(keywords), ScoreMode.COMPLETE, 1f);
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        NumericDocValues ids = null;
        NumericDocValues trust = null;
        NumericDocValues coverage = null;
        NumericDocValues[] nicheValues = new NumericDocValues[nicheFields.size()];
        FloatVectorValues vectors = null;
        Scorer bm25 = null;
        for (Candidate c : ordered) {
            int li = ReaderUtil.subIndex(c.doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                ids = DocValues.getNumeric(leaf.reader(), ID);
                trust = DocValues.getNumeric(leaf.reader(), TRUST);
                coverage = DocValues.getNumeric(leaf.reader(), IndexFields.TRUST_COVERAGE);
                for (int i = 0; i < nicheValues.length; i++) {
                    nicheValues[i] = DocValues.getNumeric(leaf.reader(), nicheFields.get(i));
                }
                vectors = brief == null ? null : leaf.reader().getFloatVectorValues(VECTOR);
                bm25 = keywordWeight == null ? null : keywordWeight.scorer(leaf);
            }
            int local = c.doc - leaf.docBase;
            if (ids.advanceExact(local)) {
                c.id = ids.longValue();
            }
            c.trust = trust.advanceExact(local) ? Double.longBitsToDouble(trust.longValue()) : null;
            c.trustCoverage = coverage.advanceExact(local) ? Double.longBitsToDouble(coverage.longValue()) : null;
            c.niche = null;
            for (int i = 0; i < nicheValues.length; i++) {
                if (nicheValues[i].advanceExact(local)) {
                    double confidence = Float.intBitsToFloat((int) nicheValues[i].longValue());
                    if (c.niche == null || confidence > c.niche.confidence()) {
                        c.niche = new NicheScore(niches.get(i), confidence);
                    }
                }
            }
            if (keywordWeight != null) {
                c.bm25 = 0;
                if (bm25 != null) {
                    int at = bm25.docID() < local ? bm25.iterator().advance(local) : bm25.docID();
                    if (at == local) {
                        c.bm25 = bm25.score();
                    }
                }
            }
            if (brief != null) {
                c.cosine = Double.NaN;
                if (vectors != null) {
                    int at = vectors.docID() < local ? vectors.advance(local) : vectors.docID();
                    if (at == local) {
                        c.cosine = VectorUtil.dotProduct(vectors.vectorValue(), brief);
                    }
                }
            }
        }
    }

    /** Reads the stored fields of the candidates that do not have them yet. */
    void load(List<Candidate> candidates) throws IOException {
        StoredFields stored = searcher.storedFields();
        for (Candidate c : candidates) {
            if (c.stored == null) {
                c.stored = stored.document(c.doc);
                c.id = c.stored.getField(ID).numericValue().longValue();
            }
        }
    }
}
