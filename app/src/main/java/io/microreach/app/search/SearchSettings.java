package io.microreach.app.search;

/**
 * Tunables of search, from {@code microreach.search.*} (see docs/search.md).
 *
 * @param weights the weights of the hybrid score's four terms
 * @param nicheFacetMin a niche counts in facets and matches a {@code niche} filter without an explicit minimum when
 *     its confidence is at least this
 * @param semanticPool how many nearest neighbours a brief fetches beyond the requested page before re-ranking
 * @param hnswMaxConn HNSW graph degree (Lucene's maxConn)
 * @param hnswBeamWidth HNSW construction beam width
 * @param quantized store int8 scalar-quantised vectors (Lucene99HnswScalarQuantizedVectorsFormat) next to the raw ones
 * @param totalThreshold a search with keywords or a brief counts its matches exactly up to this many and reports
 *     "at least this many" above it, so that Lucene may skip documents that cannot reach the page
 */
public record SearchSettings(
        Weights weights,
        double nicheFacetMin,
        int semanticPool,
        int hnswMaxConn,
        int hnswBeamWidth,
        boolean quantized,
        int totalThreshold) {

    public static final SearchSettings DEFAULT = new SearchSettings(Weights.DEFAULT, 0.3, 200, 16, 100, true, 1000);

    public SearchSettings {
        if (totalThreshold < 1) {
            throw new IllegalArgumentException("microreach.search.total-threshold must be >= 1, got " + totalThreshold);
        }
    }

    public SearchSettings withTotalThreshold(int threshold) {
        return new SearchSettings(
                weights, nicheFacetMin, semanticPool, hnswMaxConn, hnswBeamWidth, quantized, threshold);
    }

    /**
     * Hybrid score = keyword·(BM25 / BM25 ceiling of the query) + semantic·max(0, cosine) + niche·(confidence of the best
     * requested niche) + trust·(trust score / 100).
     */
    public record Weights(double keyword, double semantic, double niche, double trust) {
        public static final Weights DEFAULT = new Weights(1.0, 1.0, 0.5, 0.3);

        public Weights {
            for (double w : new double[] {keyword, semantic, niche, trust}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("search weights must be finite and >= 0, got " + w);
                }
            }
        }
    }
}
