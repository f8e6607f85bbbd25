package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.HAS_VECTOR;
import static io.microreach.app.search.IndexFields.ID;
import static io.microreach.app.search.IndexFields.VECTOR;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * Ranks searches with a brand brief: fetches the {@code offset + limit + semanticPool} nearest neighbours (filtered
 * HNSW kNN on int8-quantised vectors), adds the same number of best keyword matches when there are keywords, computes
 * exact cosines from the stored float vectors and re-ranks that candidate set by the {@link HybridScore} (or a metric)
 * in memory. Every filtered account with an embedding matches a brief (the ranking just puts it low), which is what
 * the total counts, exactly up to {@code totalThreshold}. The kNN-then-exact-cosine step also serves lookalikes and
 * recall measurements ({@link #reranked}).
 */
final class SemanticRanker {
    private SemanticRanker() {}

    static SearchRun.Ranked rank(SearchRun run) throws IOException {
        SearchRequest request = run.request;
        IndexSearcher searcher = run.searcher;
        Query keywords = run.keywordQuery();
        int threshold = run.settings.totalThreshold();
        int window = request.offset() + request.limit();
        Query withVector = new TermQuery(new Term(HAS_VECTOR, "true"));
        Query anyMatch = keywords == null
                ? withVector
                : new BooleanQuery.Builder()
                        .add(keywords, BooleanClause.Occur.SHOULD)
                        .add(withVector, BooleanClause.Occur.SHOULD)
                        .build();
        Query matchQuery = new BooleanQuery.Builder()
                .add(anyMatch, BooleanClause.Occur.FILTER)
                .add(run.filter, BooleanClause.Occur.FILTER)
                .build();
        int k = window + run.settings.semanticPool();
        Map<Integer, Candidate> candidates = new LinkedHashMap<>();
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(VECTOR, run.brief, k, run.filter), k).scoreDocs) {
            candidates.put(sd.doc, new Candidate(sd.doc));
        }
        if (keywords != null) {
            Query kw = new BooleanQuery.Builder()
                    .add(keywords, BooleanClause.Occur.MUST)
                    .add(run.filter, BooleanClause.Occur.FILTER)
                    .build();
            for (ScoreDoc sd : searcher.search(kw, k).scoreDocs) {
                candidates.computeIfAbsent(sd.doc, Candidate::new);
            }
        }
        List<Candidate> all = new ArrayList<>(candidates.values());
        run.reader.fill(all);
        for (Candidate c : all) {
            c.score = run.score.of(c);
        }
        boolean byRelevance = request.sort() == SearchSort.RELEVANCE;
        if (!byRelevance) {
            run.reader.load(all); // metric values come from the stored fields
        }
        Comparator<Candidate> order = byRelevance
                ? Comparator.comparingDouble((Candidate c) -> request.isDescending() ? -c.score : c.score)
                : new MetricOrder(request.sort(), request.isDescending()).comparator();
        all.sort(order.thenComparingLong(c -> c.id));
        long total;
        boolean exact;
        if (byRelevance) {
            long counted = countUpTo(searcher, matchQuery, threshold);
            exact = counted <= threshold;
            total = exact ? counted : threshold;
        } else {
            exact = true;
            total = all.size();
            matchQuery = idSet(all);
        }
        List<Candidate> page = all.subList(Math.min(request.offset(), all.size()), Math.min(window, all.size()));
        return new SearchRun.Ranked(page, total, exact, matchQuery);
    }

    /** The ids of the {@code k} accounts most similar to {@code vector} among {@code candidates} kNN neighbours. */
    static List<Long> nearest(IndexSearcher searcher, float[] vector, int k, int candidates) throws IOException {
        ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, candidates), candidates).scoreDocs;
        return reranked(searcher, near, vector).stream().limit(k).map(c -> c.id).toList();
    }

    /**
     * Exact cosines of kNN candidates, best first, ties by account id: one pass in document order reading the float
     * vectors and ids with one iterator per segment.
     */
    static List<Candidate> reranked(IndexSearcher searcher, ScoreDoc[] docs, float[] vector) throws IOException {
        List<Candidate> found = new ArrayList<>();
        for (ScoreDoc sd : docs) {
            found.add(new Candidate(sd.doc));
        }
        found.sort(Comparator.comparingInt(c -> c.doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        NumericDocValues ids = null;
        FloatVectorValues vectors = null;
        for (Candidate c : found) {
            int li = ReaderUtil.subIndex(c.doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                ids = DocValues.getNumeric(leaf.reader(), ID);
                vectors = leaf.reader().getFloatVectorValues(VECTOR);
            }
            int local = c.doc - leaf.docBase;
            if (ids.advanceExact(local)) {
                c.id = ids.longValue();
            }
            int at = vectors == null ? -1 : vectors.docID() < local ? vectors.advance(local) : vectors.docID();
            c.cosine = at == local ? VectorUtil.dotProduct(vectors.vectorValue(), vector) : Double.NEGATIVE_INFINITY;
        }
        found.sort(Comparator.comparingDouble((Candidate c) -> -c.cosine).thenComparingLong(c -> c.id));
        return found;
    }

    /** The stored float vector of a document, or null when it has none. */
    static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        if (values == null) {
            return null;
        }
        int local = doc - leaf.docBase;
        return values.advance(local) == local ? values.vectorValue().clone() : null;
    }

    private static Query idSet(List<Candidate> all) {
        return new TermInSetQuery(
                ID, all.stream().map(c -> new BytesRef(Long.toString(c.id))).toList());
    }

    /**
     * Counts the matches of {@code query} up to {@code threshold}: the exact count when there are at most that many,
     * else {@code threshold + 1} (and stops reading as soon as it knows).
     */
    private static long countUpTo(IndexSearcher searcher, Query query, int threshold) throws IOException {
        long[] count = {0};
        searcher.search(query, new SimpleCollector() {
            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                if (count[0] > threshold) {
                    throw new CollectionTerminatedException();
                }
            }

            @Override
            public void collect(int doc) {
                if (++count[0] > threshold) {
                    throw new CollectionTerminatedException();
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return count[0];
    }
}
