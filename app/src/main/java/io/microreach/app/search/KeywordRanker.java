package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.ID;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Ranks searches without a brief (filters alone, or with keywords) in one Lucene top-k search with the whole hybrid
 * formula as the score ({@link HybridScoreQuery}; {@link StaticRank} without keywords; each {@link Boost} a constant
 * SHOULD clause), so dynamic pruning skips
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
        Query keywords = run.keywordMatch();
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
            Query base = keywords == null
                    ? new FunctionScoreQuery(run.filter, new StaticRank(w.niche(), w.trust(), neutral, run.nicheFields))
                    : new HybridScoreQuery(scaledKeywords(run), w.niche(), w.trust(), neutral, run.nicheFields);
            // Each boost adds its weight to the documents it matches (a SHOULD clause next to the MUST one).
            BooleanQuery.Builder withBoosts = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
            for (Boost b : run.boosts) {
                withBoosts.add(
                        new BoostQuery(new ConstantScoreQuery(b.query()), (float) b.weight()),
                        BooleanClause.Occur.SHOULD);
            }
            ranked = withBoosts.build();
            if (!run.reliability.isEmpty()) {
                ranked = FunctionScoreQuery.boostByValue(ranked, new ReliabilityValues(run.reliability));
            }
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
        run.applyBoosts(page);
        return new SearchRun.Ranked(page, total, exact, matchQuery);
    }

    /** The filtered keyword query scored as the keyword term: w_keyword × BM25 / ceiling. */
    private static Query scaledKeywords(SearchRun run) {
        double ceiling = run.score.keywordCeiling();
        double scale = ceiling > 0 ? run.score.w().keyword() / ceiling : 0;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(run.filter, BooleanClause.Occur.FILTER);
        Query words = scale > 0 ? new BoostQuery(run.keywordQuery(), (float) scale) : run.keywordQuery();
        if (run.exact != null) {
            // An exact handle or name matches without any of the words; its boost is added outside.
            words = new BooleanQuery.Builder()
                    .add(words, BooleanClause.Occur.SHOULD)
                    .add(new BoostQuery(new ConstantScoreQuery(run.exact), 0f), BooleanClause.Occur.SHOULD)
                    .build();
        }
        b.add(words, scale > 0 ? BooleanClause.Occur.MUST : BooleanClause.Occur.FILTER);
        return b.build();
    }
}
