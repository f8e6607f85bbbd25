package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.HANDLE_LC;
import static io.microreach.app.search.IndexFields.ID;
import static io.microreach.app.search.IndexFields.PLATFORM;
import static io.microreach.app.search.IndexFields.TRUST;
import static io.microreach.app.search.IndexFields.VECTOR;

import io.microreach.domain.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Content lookalikes of one account: its stored embedding is the query of a filtered kNN search (the seed excluded)
 * for {@code limit + semanticPool} neighbours, re-ranked by exact cosine ({@link SemanticRanker#reranked}); the cosine
 * is the whole score, so the explanation has only the semantic term (and the trust score for information). Demo
 * accounts are left out as in searches (by default once a real account exists).
 */
final class LookalikeFinder {
    private final SearchSettings settings;

    LookalikeFinder(SearchSettings settings) {
        this.settings = settings;
    }

    SearchService.Lookalikes find(
            IndexSearcher searcher, Platform platform, String handle, SearchFilters filters, int limit)
            throws IOException {
        Query seedQuery = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PLATFORM, platform.id())), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(HANDLE_LC, handle.toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER)
                .build();
        TopDocs seedDocs = searcher.search(seedQuery, 1);
        if (seedDocs.scoreDocs.length == 0) {
            throw new SearchService.AccountNotFound(
                    "no account " + platform.id() + " @" + handle + " in the search index");
        }
        int seedDoc = seedDocs.scoreDocs[0].doc;
        Document seed = searcher.storedFields().document(seedDoc);
        long seedId = seed.getField(ID).numericValue().longValue();
        float[] seedVector = SemanticRanker.vectorOf(searcher, seedDoc);
        if (seedVector == null) {
            throw new InvalidSearchParameter(
                    "handle",
                    platform.id() + " @" + handle + " has no content embedding yet (niche classification"
                            + " computes it), so it has no lookalikes");
        }
        String contradiction = filters.contradiction();
        if (contradiction != null) {
            return new SearchService.Lookalikes(seedId, List.of(), contradiction);
        }
        Query filter = new BooleanQuery.Builder()
                .add(
                        FilterQuery.of(
                                filters,
                                settings.nicheFacetMin(),
                                PoolStats.of(searcher.getIndexReader()).hidesDemo(filters.includeDemo())),
                        BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ID, Long.toString(seedId))), BooleanClause.Occur.MUST_NOT)
                .build();
        int k = limit + settings.semanticPool();
        TopDocs near = searcher.search(new KnnFloatVectorQuery(VECTOR, seedVector, k, filter), k);
        List<Candidate> candidates = SemanticRanker.reranked(searcher, near.scoreDocs, seedVector);
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(limit, candidates.size()))) {
            Document d = searcher.storedFields().document(c.doc);
            Double trust = HitMapper.doubleOrNull(d, TRUST);
            RankExplanation why = RankExplanation.similarityOnly(c.cosine, trust);
            hits.add(HitMapper.hit(d, c.cosine, why));
        }
        return new SearchService.Lookalikes(seedId, hits, null);
    }
}
