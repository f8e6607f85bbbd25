package io.microreach.app.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * One search over one searcher: what both rankers share (the filter and keyword queries, the {@link HybridScore} with
 * this query's BM25 ceiling, the {@link CandidateReader}), then the page the ranker chose is read, explained ({@link
 * HitMapper}) and, when asked for, faceted over every match. Without a brief the {@link KeywordRanker} ranks, with one
 * the {@link SemanticRanker}. Stored fields and matched words are read for the page only.
 */
final class SearchRun {
    final IndexSearcher searcher;
    final SearchRequest request;
    final SearchSettings settings;
    /** The brief's embedding, or null without a brief. */
    final float[] brief;

    final PoolStats pool;
    /** Whether demo accounts are left out of this search. */
    final boolean demoHidden;

    final Query filter;
    /** The keywords, or null without any. */
    final KeywordQuery keywords;

    final HybridScore score;
    final List<String> nicheFields;
    final CandidateReader reader;

    SearchRun(IndexSearcher searcher, SearchRequest request, SearchSettings settings, float[] brief)
            throws IOException {
        this.searcher = searcher;
        this.request = request;
        this.settings = settings;
        this.brief = brief;
        SearchFilters f = request.filters();
        this.pool = PoolStats.of(searcher.getIndexReader());
        this.demoHidden = pool.hidesDemo(f.includeDemo());
        this.filter = FilterQuery.of(f, settings.nicheFacetMin(), demoHidden);
        this.keywords = request.query() == null ? null : new KeywordQuery(request.query());
        this.score = new HybridScore(
                settings.weights(),
                keywords == null ? 0 : keywords.ceiling(searcher),
                keywords != null,
                pool.neutralTrust(demoHidden));
        this.nicheFields = f.niches().stream().map(IndexFields::nicheConfidence).toList();
        this.reader = new CandidateReader(searcher, keywordQuery(), f.niches(), brief);
    }

    /** The keyword query alone, or null. */
    Query keywordQuery() {
        return keywords == null ? null : keywords.query;
    }

    /**
     * What a ranker found.
     *
     * @param page the requested page's candidates, best first, with their signals read
     * @param matchQuery every match, for the facets
     */
    record Ranked(List<Candidate> page, long total, boolean exact, Query matchQuery) {}

    SearchResult execute(String formula) throws IOException {
        Ranked ranked = brief == null ? KeywordRanker.rank(this) : SemanticRanker.rank(this);
        List<Candidate> page = ranked.page();
        reader.load(page);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, List<String>> matched = keywords == null ? Map.of() : keywords.matchedTerms(leaves, page);
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate c : page) {
            hits.add(HitMapper.hit(c, score, matched.getOrDefault(c.doc, List.of())));
        }
        SearchResult.Facets facets = null;
        if (request.facets()) {
            FacetCounter counter = new FacetCounter();
            searcher.search(ranked.matchQuery(), counter);
            facets = counter.facets();
        }
        return new SearchResult(
                ranked.total(),
                ranked.exact() ? SearchResult.EXACT : SearchResult.AT_LEAST,
                request.offset(),
                request.limit(),
                request.sort().id(),
                request.isDescending(),
                hits,
                facets,
                null,
                formula,
                new SearchResult.DemoData(pool.demoAccounts(), demoHidden));
    }
}
