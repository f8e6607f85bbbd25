package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.ID;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Ranks searches without a brief (filters alone, or with keywords) in one Lucene top-k search with the whole hybrid
 * formula as the score ({@link HybridScoreQuery}; {@link StaticRank} without keywords), so dynamic pruning skips
 * documents that cannot reach the page, or sorted by a metric's doc values. With keywords the total is exact up to
 * {@code totalThreshold} matches; without, it is always exact: it is what the creators list pages through, and counting
 * filter matches from points and doc values is cheap.
 */
final class KeywordRanker {
    private KeywordRanker() {}

    static SearchRun.Ranked rank(SearchRun run) throws IOException {
        SearchRequest request = run.request;
        SearchSettings.Weights w = run.score.w();
        double neutral = run.score.neutralTrust();
        Query keywords = run.keywordQuery();
        int window = request.offset() + request.limit();
        Query matchQuery = keywords == null
                ? run.filter
                : new BooleanQuery.Builder()
                        .add(keywords, BooleanClause.Occur.MUST)
                        .add(run.filter, BooleanClause.Occur.FILTER)
                        .build();
        int totalThreshold = keywords == null ? Integer.MAX_VALUE : run.settings.totalThreshold();
        Sort sort;
        Query ranked;
        if (request.sort() == SearchSort.RELEVANCE) {
            ranked = keywords == null
                    ? new FunctionScoreQuery(run.filter, new StaticRank(w.niche(), w.trust(), neutral, run.nicheFields))
                    : new HybridScoreQuery(scaledKeywords(run), w.niche(), w.trust(), neutral, run.nicheFields);
            sort = new Sort(
                    new SortField(null, SortField.Type.SCORE, !request.isDescending()),
                    new SortField(ID, SortField.Type.LONG));
        } else {
            ranked = matchQuery;
            sort = new MetricOrder(request.sort(), request.isDescending()).luceneSort();
        }
        TopFieldDocs top =
                run.searcher.search(ranked, new TopFieldCollectorManager(sort, window, null, totalThreshold, true));
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        long total = exact ? top.totalHits.value : totalThreshold;
        List<Candidate> page = new ArrayList<>();
        for (int i = request.offset(); i < top.scoreDocs.length; i++) {
            page.add(new Candidate(top.scoreDocs[i].doc));
        }
        run.reader.fill(page);
        return new SearchRun.Ranked(page, total, exact, matchQuery);
    }

    /** The filtered keyword query scored as the keyword term: w_keyword × BM25 / ceiling. */
    private static Query scaledKeywords(SearchRun run) {
        double ceiling = run.score.keywordCeiling();
        double scale = ceiling > 0 ? run.score.w().keyword() / ceiling : 0;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(run.filter, BooleanClause.Occur.FILTER);
        if (scale > 0) {
            b.add(new BoostQuery(run.keywordQuery(), (float) scale), BooleanClause.Occur.MUST);
        } else {
            b.add(run.keywordQuery(), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }
}
