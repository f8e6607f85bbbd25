package io.microreach.app.search;

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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * Ranks searches with a brand brief: fetches the {@code offset + limit + semanticPool} nearest neighbours of the
 * brief's topic (filtered HNSW kNN on int8-quantised vectors), as many among the accounts each boost favours, and as
 * many best keyword matches (the user's keywords, else the topic's words), computes exact cosines from the stored float
 * vectors, makes them relative to the pool ({@link #floor}, {@link #relative}) and re-ranks that candidate set by the
 * {@link HybridScore} (or a metric) in memory. The matches are the candidates above the similarity floor or using the
 * keywords, which is what the total counts; it is "at least" when even the farthest neighbour fetched was above the
 * floor. The kNN-then-exact-cosine step also serves lookalikes and recall measurements ({@link #reranked}).
 */
final class SemanticRanker {
    /**
     * The similarity floor lies this many standard deviations above the mean similarity of a sample of the pool: 0,
     * "closer than the average account". On the judged set (docs/eval/search-judgements.md) one standard deviation
     * cut off relevant creators whose content is in another language than the brief (cross-language cosines are
     * lower) and scored nDCG@10 0.687 against 0.693 at 0.
     */
    static final double FLOOR_SD = 0;
    /** How many accounts the floor's sample holds at most. */
    static final int FLOOR_SAMPLE = 512;

    private SemanticRanker() {}

    static SearchRun.Ranked rank(SearchRun run) throws IOException {
        SearchRequest request = run.request;
        IndexSearcher searcher = run.searcher;
        Query keywords = run.keywordMatch();
        int threshold = run.settings.totalThreshold();
        int window = request.offset() + request.limit();
        int k = window + run.settings.semanticPool();
        Map<Integer, Candidate> candidates = new LinkedHashMap<>();
        for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(VECTOR, run.brief, k, run.filter), k).scoreDocs) {
            candidates.put(sd.doc, new Candidate(sd.doc));
        }
        // The nearest neighbours among the accounts a boost favours, so that a boost can lift accounts the plain
        // neighbour list would miss (a German creator for "deutschsprachige Creator").
        for (Boost b : run.boosts) {
            Query boosted = new BooleanQuery.Builder()
                    .add(run.filter, BooleanClause.Occur.FILTER)
                    .add(b.query(), BooleanClause.Occur.FILTER)
                    .build();
            for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(VECTOR, run.brief, k, boosted), k).scoreDocs) {
                candidates.computeIfAbsent(sd.doc, Candidate::new);
            }
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
        run.applyBoosts(all);
        double floor = floor(searcher, run.brief, run.filter);
        double best = all.stream()
                .mapToDouble(c -> Double.isNaN(c.cosine) ? Double.NEGATIVE_INFINITY : c.cosine)
                .max()
                .orElse(Double.NEGATIVE_INFINITY);
        for (Candidate c : all) {
            c.semantic = relative(c.cosine, floor, best);
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
        // A match is an account whose content is closer to the brief than the pool's typical account, or that
        // uses the keywords (or the brief's topic words): not every account with an embedding.
        List<Candidate> matches = all.stream()
                .filter(c -> c.semantic > 0 || c.bm25 > 0 || c.boosts.contains("exact handle or name"))
                .toList();
        all = new ArrayList<>(matches);
        long total = Math.min(matches.size(), threshold);
        // When even the farthest neighbour fetched is above the floor, more matches lie beyond the candidates.
        double farthest = candidates.values().stream()
                .mapToDouble(c -> Double.isNaN(c.cosine) ? Double.POSITIVE_INFINITY : c.cosine)
                .min()
                .orElse(Double.POSITIVE_INFINITY);
        boolean exact = matches.size() <= threshold && !(farthest > floor && candidates.size() >= k);
        Query matchQuery = idSet(matches);
        List<Candidate> page = all.subList(Math.min(request.offset(), all.size()), Math.min(window, all.size()));
        return new SearchRun.Ranked(page, total, exact, matchQuery);
    }

    /** The share (0..1) of the semantic weight a cosine earns: above the floor, relative to the best candidate. */
    static double relative(double cosine, double floor, double best) {
        if (Double.isNaN(cosine) || !(best > floor) || cosine <= floor) {
            return Double.isNaN(cosine) ? Double.NaN : 0;
        }
        return Math.min(1, (cosine - floor) / (best - floor));
    }

    /**
     * The typical similarity of {@code vector} to an account of the searched pool (the accounts passing {@code
     * filter}): mean + {@link #FLOOR_SD} standard deviations over up to {@link #FLOOR_SAMPLE} of them spread evenly
     * in index order (the same sample for every query with the same filters, so the floor is deterministic). The pool,
     * not the whole index: content in another language than the brief is less similar to it across the board, so
     * when the filters pick German creators only, the typical German creator sets the bar.
     */
    static double floor(IndexSearcher searcher, float[] vector, Query filter) throws IOException {
        int[][] docs = {new int[64]};
        int[] count = {0};
        Query pool = new BooleanQuery.Builder()
                .add(filter, BooleanClause.Occur.FILTER)
                .add(new org.apache.lucene.search.FieldExistsQuery(VECTOR), BooleanClause.Occur.FILTER)
                .build();
        searcher.search(pool, new org.apache.lucene.search.SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                docs[0] = org.apache.lucene.util.ArrayUtil.grow(docs[0], count[0] + 1);
                docs[0][count[0]++] = base + doc;
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        if (count[0] == 0) {
            return 0;
        }
        int stride = Math.max(1, count[0] / FLOOR_SAMPLE);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        FloatVectorValues values = null;
        // Collected in document order, so each segment's vector iterator only moves forward.
        for (int i = 0; i < count[0]; i += stride) {
            int doc = docs[0][i];
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                values = leaf.reader().getFloatVectorValues(VECTOR);
            }
            int local = doc - leaf.docBase;
            if (values != null && (values.docID() == local || values.advance(local) == local)) {
                double cos = VectorUtil.dotProduct(values.vectorValue(), vector);
                sum += cos;
                sumSq += cos * cos;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return mean + FLOOR_SD * sd;
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
}
