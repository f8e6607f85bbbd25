package io.microreach.app.search;

import static io.microreach.app.search.IndexFields.*;

import io.microreach.domain.Platform;
import io.microreach.niches.TextEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Answers searches from the index. The hybrid score of an account is
 *
 * <pre>
 *   score = w_keyword · BM25 / BM25_ceiling  +  w_semantic · max(0, cos(brief, content))
 *         + w_niche · (best confidence among the requested niches)  +  w_trust · trust score / 100
 * </pre>
 *
 * <p>where BM25_ceiling is an upper bound of the BM25 any document can reach for the query's words (the sum of their
 * idf in the best field; see {@link #bm25Ceiling}), so the keyword term is in 0..1 and known before any match is seen,
 * the cosine is the dot product of the unit-length embeddings, absent terms count 0 and the weights come from {@code
 * microreach.search.weights.*} (defaults 1.0, 1.0, 0.5, 0.3). The terms are chosen so that each is 0..1 and so the
 * weights read as "how many ideal keyword matches is a perfect semantic match worth".
 *
 * <p>How matches are found: keywords alone are one Lucene top-k search with the whole formula as the score ({@link
 * HybridScoreQuery}), so dynamic pruning skips documents that cannot reach the page; the total is exact up to {@code
 * totalThreshold} matches. Stored fields, matched words and the explanation are read for the page only. A brief fetches the {@code offset + limit + semanticPool} nearest
 * neighbours (filtered HNSW kNN on int8-quantised vectors), adds the same number of best keyword matches when there
 * are keywords, computes exact cosines from the stored float vectors and re-ranks that candidate set; every filtered
 * account with an embedding matches a brief (the ranking just puts it low), which is what {@code total} counts.
 * Every order breaks ties by account id, so paging is stable.
 */
@Service
public class SearchService {
    private final SearchIndex index;
    private final SearchSettings settings;
    private final Supplier<Optional<TextEmbedder>> embedder;
    private final Supplier<Boolean> pricesAvailable;
    private volatile String formula;

    @Autowired
    SearchService(
            SearchIndex index,
            SearchSettings settings,
            ObjectProvider<TextEmbedder> embedders,
            ObjectProvider<PriceEstimates> prices) {
        this(index, settings, () -> Optional.ofNullable(embedders.getIfUnique()), () -> prices.getIfUnique() != null);
    }

    /** For tests and benchmarks that bring their own embedder. */
    public SearchService(
            SearchIndex index,
            SearchSettings settings,
            Supplier<Optional<TextEmbedder>> embedder,
            Supplier<Boolean> pricesAvailable) {
        this.index = index;
        this.settings = settings;
        this.embedder = embedder;
        this.pricesAvailable = pricesAvailable;
    }

    public SearchSettings settings() {
        return settings;
    }

    /** The formula with the weights in force, as shown in results (formatted once: it is in every result). */
    public String formula() {
        String f = formula;
        if (f == null) {
            f = formula = formatFormula(settings.weights());
        }
        return f;
    }

    private static String formatFormula(SearchSettings.Weights w) {
        return String.format(
                Locale.ROOT,
                "score = %.2f·BM25/BM25ceiling + %.2f·max(0,cosine) + %.2f·nicheConfidence + %.2f·trust/100",
                w.keyword(),
                w.semantic(),
                w.niche(),
                w.trust());
    }

    public SearchResult search(SearchRequest request) {
        SearchFilters f = request.filters();
        if ((f.priceMin() != null || f.priceMax() != null) && !pricesAvailable.get()) {
            throw new InvalidSearchParameter(
                    f.priceMin() != null ? "price_min" : "price_max",
                    "price estimates are unavailable in this installation (they come with the budget planner)");
        }
        float[] briefVector = request.brief() == null ? null : embedBrief(request.brief());
        String contradiction = contradiction(f);
        if (contradiction != null) {
            return new SearchResult(
                    0,
                    SearchResult.EXACT,
                    request.offset(),
                    request.limit(),
                    request.sort().id(),
                    request.isDescending(),
                    List.of(),
                    request.facets() ? new SearchResult.Facets(List.of(), List.of(), List.of(), List.of()) : null,
                    contradiction,
                    formula());
        }
        return index.withSearcher(s -> {
            try {
                if (briefVector != null) {
                    checkVectorSpace(s.space(), briefVector);
                }
                return new Run(s.searcher(), request, briefVector).execute();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Accounts whose content is most similar to the given account's, excluding it; filters apply. */
    public Lookalikes lookalikes(Platform platform, String handle, SearchFilters filters, int limit) {
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new InvalidSearchParameter(
                    "limit", "must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
        }
        return index.withSearcher(s -> {
            try {
                IndexSearcher searcher = s.searcher();
                Query seedQuery = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(PLATFORM, platform.id())), BooleanClause.Occur.FILTER)
                        .add(
                                new TermQuery(new Term(HANDLE_LC, handle.toLowerCase(Locale.ROOT))),
                                BooleanClause.Occur.FILTER)
                        .build();
                TopDocs seedDocs = searcher.search(seedQuery, 1);
                if (seedDocs.scoreDocs.length == 0) {
                    throw new AccountNotFound("no account " + platform.id() + " @" + handle + " in the search index");
                }
                int seedDoc = seedDocs.scoreDocs[0].doc;
                Document seed = searcher.storedFields().document(seedDoc);
                long seedId = seed.getField(ID).numericValue().longValue();
                float[] seedVector = vectorOf(searcher, seedDoc);
                if (seedVector == null) {
                    throw new InvalidSearchParameter(
                            "handle",
                            platform.id() + " @" + handle + " has no content embedding yet (niche classification"
                                    + " computes it), so it has no lookalikes");
                }
                String contradiction = contradiction(filters);
                if (contradiction != null) {
                    return new Lookalikes(seedId, List.of(), contradiction);
                }
                Query filter = new BooleanQuery.Builder()
                        .add(filterQuery(filters), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(ID, Long.toString(seedId))), BooleanClause.Occur.MUST_NOT)
                        .build();
                TopDocs near = searcher.search(
                        new KnnFloatVectorQuery(VECTOR, seedVector, limit + settings.semanticPool(), filter),
                        limit + settings.semanticPool());
                List<Candidate> candidates = reranked(searcher, near.scoreDocs, seedVector);
                List<SearchHit> hits = new ArrayList<>();
                for (Candidate c : candidates.subList(0, Math.min(limit, candidates.size()))) {
                    Document d = searcher.storedFields().document(c.doc);
                    Double trust = doubleOrNull(d, TRUST);
                    RankExplanation why =
                            new RankExplanation(List.of(), null, 0, c.cosine, c.cosine, null, null, 0, trust, 0);
                    hits.add(hit(d, c.cosine, why));
                }
                return new Lookalikes(seedId, hits, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The ids of the {@code k} accounts most similar to {@code vector}, retrieved as a brief's candidates are: HNSW
     * kNN for {@code candidates} neighbours, then an exact cosine re-rank (for measuring recall against brute force).
     */
    public List<Long> nearestAccounts(float[] vector, int k, int candidates) {
        return index.withSearcher(s -> {
            try {
                IndexSearcher searcher = s.searcher();
                ScoreDoc[] near =
                        searcher.search(new KnnFloatVectorQuery(VECTOR, vector, candidates), candidates).scoreDocs;
                return reranked(searcher, near, vector).stream()
                        .limit(k)
                        .map(c -> c.id)
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Exact cosines of kNN candidates, best first, ties by account id: one pass in document order reading the float
     * vectors and ids with one iterator per segment.
     */
    private static List<Candidate> reranked(IndexSearcher searcher, ScoreDoc[] docs, float[] vector)
            throws IOException {
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
            c.cosine = at == local ? dot(vectors.vectorValue(), vector) : Double.NEGATIVE_INFINITY;
        }
        found.sort(Comparator.comparingDouble((Candidate c) -> -c.cosine).thenComparingLong(c -> c.id));
        return found;
    }

    /** Lookalikes of one account: similarity to the seed's content embedding is the whole score. */
    public record Lookalikes(long seedAccountId, List<SearchHit> hits, String emptyReason) {}

    /** The account a lookalike search starts from does not exist. */
    public static final class AccountNotFound extends RuntimeException {
        public AccountNotFound(String message) {
            super(message);
        }
    }

    private float[] embedBrief(String brief) {
        TextEmbedder e = embedder.get()
                .orElseThrow(() -> new InvalidSearchParameter(
                        "brief",
                        "semantic search is unavailable: no text embedder is installed (niche classification"
                                + " provides it); search with keywords and filters instead"));
        float[] v = e.embed(brief);
        if (!AccountDocument.isUsable(v)) {
            throw new InvalidSearchParameter("brief", "has no words the embedding model can use");
        }
        return v;
    }

    private void checkVectorSpace(AccountLoader.VectorSpace space, float[] brief) {
        if (space == null) {
            throw new InvalidSearchParameter(
                    "brief",
                    "semantic search is unavailable: no account has a content embedding yet (niche classification"
                            + " computes them; then run 'microreach reindex')");
        }
        TextEmbedder e = embedder.get().orElseThrow();
        if (space.dims() != brief.length || !space.model().equals(e.modelId())) {
            throw new InvalidSearchParameter(
                    "brief",
                    "the index holds embeddings of model " + space.model() + " (" + space.dims() + " dims) but the"
                            + " embedder is " + e.modelId() + " (" + brief.length + " dims); re-classify and run"
                            + " 'microreach reindex'");
        }
    }

    /** A contradiction among the ranges, explained, or null. */
    static String contradiction(SearchFilters f) {
        List<String> problems = new ArrayList<>();
        if (f.followersMin() != null && f.followersMax() != null && f.followersMin() > f.followersMax()) {
            problems.add("followers_min " + f.followersMin() + " > followers_max " + f.followersMax());
        }
        if (f.erMin() != null && f.erMax() != null && f.erMin() > f.erMax()) {
            problems.add("er_min " + f.erMin() + " > er_max " + f.erMax());
        }
        if (f.erPercentileMin() != null && f.erPercentileMax() != null && f.erPercentileMin() > f.erPercentileMax()) {
            problems.add("er_percentile_min " + f.erPercentileMin() + " > er_percentile_max " + f.erPercentileMax());
        }
        if (f.priceMin() != null && f.priceMax() != null && f.priceMin() > f.priceMax()) {
            problems.add("price_min " + f.priceMin() + " > price_max " + f.priceMax());
        }
        return problems.isEmpty() ? null : "No account can match: " + String.join("; ", problems) + ".";
    }

    /** The conjunction of all filters (MatchAll when there are none). */
    Query filterQuery(SearchFilters f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        terms(b, PLATFORM, f.platforms());
        terms(b, TIER, f.tiers());
        terms(b, COUNTRY, f.countries());
        terms(b, LANGUAGE, f.languages());
        if (f.followersMin() != null || f.followersMax() != null) {
            b.add(
                    LongPoint.newRangeQuery(
                            FOLLOWERS,
                            f.followersMin() == null ? Long.MIN_VALUE : f.followersMin(),
                            f.followersMax() == null ? Long.MAX_VALUE : f.followersMax()),
                    BooleanClause.Occur.FILTER);
        }
        range(b, ER, f.erMin(), f.erMax());
        range(b, ER_PERCENTILE, f.erPercentileMin(), f.erPercentileMax());
        range(b, TRUST, f.trustMin(), null);
        range(b, SUSPICIOUS, null, f.suspiciousMax());
        range(b, REPLY_RATE, f.replyRateMin(), null);
        range(b, PRICE_HIGH, f.priceMin(), null);
        range(b, PRICE_LOW, null, f.priceMax());
        if (!f.niches().isEmpty()) {
            float min = (float) nicheMin(f);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String n : f.niches()) {
                any.add(
                        FloatPoint.newRangeQuery(nicheConfidence(n), min, Float.POSITIVE_INFINITY),
                        BooleanClause.Occur.SHOULD);
            }
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
        if (f.hasContact() != null) {
            b.add(new TermQuery(new Term(HAS_CONTACT, f.hasContact().toString())), BooleanClause.Occur.FILTER);
        }
        if (f.text() != null) {
            String pattern = "*" + escapeWildcard(f.text().toLowerCase(Locale.ROOT)) + "*";
            b.add(
                    new BooleanQuery.Builder()
                            .add(new WildcardQuery(new Term(HANDLE_LC, pattern)), BooleanClause.Occur.SHOULD)
                            .add(new WildcardQuery(new Term(NAME_LC, pattern)), BooleanClause.Occur.SHOULD)
                            .build(),
                    BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private double nicheMin(SearchFilters f) {
        return f.nicheConfidenceMin() != null ? f.nicheConfidenceMin() : settings.nicheFacetMin();
    }

    private static void terms(BooleanQuery.Builder b, String field, Set<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        }
    }

    private static void range(BooleanQuery.Builder b, String field, Double min, Double max) {
        if (min != null || max != null) {
            b.add(
                    DoublePoint.newRangeQuery(
                            field,
                            min == null ? Double.NEGATIVE_INFINITY : min,
                            max == null ? Double.POSITIVE_INFINITY : max),
                    BooleanClause.Occur.FILTER);
        }
    }

    private static String escapeWildcard(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The keyword query: the best of the standard field and the stemmed fields (max, so no double counting). */
    static Query keywordQuery(String text) {
        Analyzer analyzer = IndexFields.ANALYZER;
        List<Query> perField = new ArrayList<>();
        for (String field : IndexFields.textFields()) {
            SimpleQueryParser parser = new SimpleQueryParser(analyzer, field);
            Query q = parser.parse(text);
            if (q != null) {
                perField.add(q);
            }
        }
        return perField.isEmpty() ? new MatchNoDocsQuery("no searchable words") : new DisjunctionMaxQuery(perField, 0f);
    }

    /** The words of a keyword query, in order, repeats included (the simple query parser's operators split them). */
    private static List<String> queryWords(String text) {
        return java.util.Arrays.stream(text.split("[\\s\"+\\-|()~*]+"))
                .filter(w -> !w.isBlank())
                .toList();
    }

    /** Query words with their analysed terms per text field, for explaining which words matched. */
    private static Map<String, Map<String, List<String>>> analysedWords(String text) {
        Analyzer analyzer = IndexFields.ANALYZER;
        Map<String, Map<String, List<String>>> words = new LinkedHashMap<>();
        for (String word : queryWords(text)) {
            Map<String, List<String>> perField = new LinkedHashMap<>();
            for (String field : IndexFields.textFields()) {
                List<String> tokens = new ArrayList<>();
                try (TokenStream ts = analyzer.tokenStream(field, word)) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        tokens.add(term.toString());
                    }
                    ts.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                perField.put(field, tokens);
            }
            words.put(word, perField);
        }
        return words;
    }

    private static final class Candidate {
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

    /**
     * An upper bound of the BM25 any document can reach for these words: Lucene's BM25 of a term is {@code idf × tf /
     * (tf + k1 × length norm)}, which approaches idf as tf grows, so a field's score is below the sum of its terms'
     * idf, and the keyword query (best field) below the largest such sum. It depends on term statistics only, not on
     * the matches, so the keyword term can be scaled by it before Lucene collects (and prunes).
     */
    static double bm25Ceiling(IndexSearcher searcher, String text, Map<String, Map<String, List<String>>> words)
            throws IOException {
        double best = 0;
        for (String field : IndexFields.textFields()) {
            CollectionStatistics stats = searcher.collectionStatistics(field);
            if (stats == null) {
                continue;
            }
            double sum = 0;
            // Every occurrence: the query parser scores a repeated word once per occurrence.
            for (String word : queryWords(text)) {
                for (String token : words.get(word).get(field)) {
                    int df = searcher.getIndexReader().docFreq(new Term(field, token));
                    if (df > 0) {
                        // The same float rounding as BM25Similarity.idf, so the bound holds for the scores it makes.
                        sum += (float) Math.log(1 + (stats.docCount() - df + 0.5D) / (df + 0.5D));
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return best;
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

    /** One search execution over one searcher. */
    private final class Run {
        final IndexSearcher searcher;
        final SearchRequest request;
        final float[] brief;
        final SearchFilters f;
        final Query filter;
        final Query keywords;
        final SearchSettings.Weights w = settings.weights();
        final List<String> nicheFields;
        final Map<String, Map<String, List<String>>> words;
        final List<LeafReaderContext> leaves;
        final double keywordCeiling;
        final int threshold = settings.totalThreshold();

        Run(IndexSearcher searcher, SearchRequest request, float[] brief) throws IOException {
            this.searcher = searcher;
            this.request = request;
            this.brief = brief;
            this.f = request.filters();
            this.filter = filterQuery(f);
            this.keywords = request.query() == null ? null : keywordQuery(request.query());
            this.nicheFields =
                    f.niches().stream().map(IndexFields::nicheConfidence).toList();
            this.words = request.query() == null ? Map.of() : analysedWords(request.query());
            this.leaves = searcher.getIndexReader().leaves();
            this.keywordCeiling = keywords == null ? 0 : bm25Ceiling(searcher, request.query(), words);
        }

        SearchResult execute() throws IOException {
            Query matchQuery;
            long total;
            boolean exact;
            List<Candidate> page;
            int window = request.offset() + request.limit();
            if (brief == null) {
                matchQuery = keywords == null
                        ? filter
                        : new BooleanQuery.Builder()
                                .add(keywords, BooleanClause.Occur.MUST)
                                .add(filter, BooleanClause.Occur.FILTER)
                                .build();
                // Without keywords the count is exact: it is what the creators list pages through, and counting
                // filter matches from points and doc values is cheap. With keywords, exact up to the threshold.
                int totalThreshold = keywords == null ? Integer.MAX_VALUE : threshold;
                Sort sort;
                Query ranked;
                if (request.sort() == SearchSort.RELEVANCE) {
                    ranked = keywords == null
                            ? new FunctionScoreQuery(filter, new StaticRank(w.niche(), w.trust(), nicheFields))
                            : new HybridScoreQuery(scaledKeywords(), w.niche(), w.trust(), nicheFields);
                    sort = new Sort(
                            new SortField(null, SortField.Type.SCORE, !request.isDescending()),
                            new SortField(ID, SortField.Type.LONG));
                } else {
                    ranked = matchQuery;
                    sort = metricSort();
                }
                TopFieldDocs top =
                        searcher.search(ranked, new TopFieldCollectorManager(sort, window, null, totalThreshold, true));
                exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
                total = exact ? top.totalHits.value : totalThreshold;
                page = new ArrayList<>();
                for (int i = request.offset(); i < top.scoreDocs.length; i++) {
                    page.add(new Candidate(top.scoreDocs[i].doc));
                }
                fill(page);
            } else {
                Query withVector = new TermQuery(new Term(HAS_VECTOR, "true"));
                Query anyMatch = keywords == null
                        ? withVector
                        : new BooleanQuery.Builder()
                                .add(keywords, BooleanClause.Occur.SHOULD)
                                .add(withVector, BooleanClause.Occur.SHOULD)
                                .build();
                matchQuery = new BooleanQuery.Builder()
                        .add(anyMatch, BooleanClause.Occur.FILTER)
                        .add(filter, BooleanClause.Occur.FILTER)
                        .build();
                int k = window + settings.semanticPool();
                Map<Integer, Candidate> candidates = new LinkedHashMap<>();
                for (ScoreDoc sd : searcher.search(new KnnFloatVectorQuery(VECTOR, brief, k, filter), k).scoreDocs) {
                    candidates.put(sd.doc, new Candidate(sd.doc));
                }
                if (keywords != null) {
                    Query kw = new BooleanQuery.Builder()
                            .add(keywords, BooleanClause.Occur.MUST)
                            .add(filter, BooleanClause.Occur.FILTER)
                            .build();
                    for (ScoreDoc sd : searcher.search(kw, k).scoreDocs) {
                        candidates.computeIfAbsent(sd.doc, Candidate::new);
                    }
                }
                List<Candidate> all = new ArrayList<>(candidates.values());
                fill(all);
                for (Candidate c : all) {
                    c.score = hybrid(c);
                }
                if (request.sort() != SearchSort.RELEVANCE) {
                    load(all); // metric values come from the stored fields
                }
                Comparator<Candidate> order = request.sort() == SearchSort.RELEVANCE
                        ? Comparator.comparingDouble((Candidate c) -> request.isDescending() ? -c.score : c.score)
                        : metricComparator();
                all.sort(order.thenComparingLong(c -> c.id));
                if (request.sort() == SearchSort.RELEVANCE) {
                    long counted = countUpTo(searcher, matchQuery, threshold);
                    exact = counted <= threshold;
                    total = exact ? counted : threshold;
                } else {
                    exact = true;
                    total = all.size();
                }
                page = all.subList(Math.min(request.offset(), all.size()), Math.min(window, all.size()));
                if (request.sort() != SearchSort.RELEVANCE) {
                    matchQuery = idSet(all);
                }
            }
            load(page);
            List<SearchHit> hits = new ArrayList<>();
            Map<Integer, List<String>> matched = keywords == null ? Map.of() : matchedTerms(page);
            for (Candidate c : page) {
                hits.add(toHit(c, matched.getOrDefault(c.doc, List.of())));
            }
            SearchResult.Facets facets = null;
            if (request.facets()) {
                FacetCounter counter = new FacetCounter();
                searcher.search(matchQuery, counter);
                facets = counter.facets();
            }
            return new SearchResult(
                    total,
                    exact ? SearchResult.EXACT : SearchResult.AT_LEAST,
                    request.offset(),
                    request.limit(),
                    request.sort().id(),
                    request.isDescending(),
                    hits,
                    facets,
                    null,
                    formula());
        }

        /** The filtered keyword query scored as the keyword term: w_keyword × BM25 / ceiling. */
        private Query scaledKeywords() {
            double scale = keywordCeiling > 0 ? w.keyword() / keywordCeiling : 0;
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(filter, BooleanClause.Occur.FILTER);
            if (scale > 0) {
                b.add(new BoostQuery(keywords, (float) scale), BooleanClause.Occur.MUST);
            } else {
                b.add(keywords, BooleanClause.Occur.FILTER);
            }
            return b.build();
        }

        private Query idSet(List<Candidate> all) {
            return new TermInSetQuery(
                    ID, all.stream().map(c -> new BytesRef(Long.toString(c.id))).toList());
        }

        private Sort metricSort() {
            SearchSort s = request.sort();
            boolean desc = request.isDescending();
            SortField primary;
            switch (s) {
                case HANDLE, PLATFORM, COUNTRY -> {
                    primary = new SortField(s.field(), SortField.Type.STRING, desc);
                    primary.setMissingValue(desc ? SortField.STRING_FIRST : SortField.STRING_LAST);
                }
                case FOLLOWERS, FOLLOWING, POSTS, LAST_SEEN -> {
                    primary = new SortField(s.field(), SortField.Type.LONG, desc);
                    primary.setMissingValue(desc ? Long.MIN_VALUE : Long.MAX_VALUE);
                }
                default -> {
                    primary = new SortField(s.field(), SortField.Type.DOUBLE, desc);
                    primary.setMissingValue(desc ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
            }
            return new Sort(primary, new SortField(ID, SortField.Type.LONG));
        }

        /** In-memory version of {@link #metricSort()} for a candidate set; missing values last either way. */
        private Comparator<Candidate> metricComparator() {
            SearchSort s = request.sort();
            boolean desc = request.isDescending();
            return (a, b) -> {
                Comparable<Object> x = metricValue(a, s);
                Comparable<Object> y = metricValue(b, s);
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : 1) : -1;
                }
                int c = x.compareTo(y);
                return desc ? -c : c;
            };
        }

        @SuppressWarnings("unchecked")
        private Comparable<Object> metricValue(Candidate c, SearchSort s) {
            var field = c.stored.getField(s == SearchSort.HANDLE ? HANDLE : s.field());
            if (field == null) {
                return null;
            }
            if (field.numericValue() != null) {
                return (Comparable<Object>) (Comparable<?>) field.numericValue().doubleValue();
            }
            return (Comparable<Object>) (Comparable<?>) field.stringValue().toLowerCase(Locale.ROOT);
        }

        /**
         * Reads what ranking and explaining need for these documents in one pass in document order, per segment one
         * iterator each: the id, trust and requested niche confidences from doc values, the raw BM25 of the keywords
         * (a scorer advanced through the documents) and the exact cosine from the stored float vector. Opening an
         * iterator per document instead costs more than the reads themselves.
         */
        private void fill(List<Candidate> candidates) throws IOException {
            List<Candidate> ordered = new ArrayList<>(candidates);
            ordered.sort(Comparator.comparingInt(c -> c.doc));
            Weight keywordWeight =
                    keywords == null ? null : searcher.createWeight(searcher.rewrite(keywords), ScoreMode.COMPLETE, 1f);
            int leafIndex = -1;
            LeafReaderContext leaf = null;
            NumericDocValues ids = null;
            NumericDocValues trust = null;
            NumericDocValues[] niches = new NumericDocValues[nicheFields.size()];
            FloatVectorValues vectors = null;
            Scorer bm25 = null;
            for (Candidate c : ordered) {
                int li = ReaderUtil.subIndex(c.doc, leaves);
                if (li != leafIndex) {
                    leafIndex = li;
                    leaf = leaves.get(li);
                    ids = DocValues.getNumeric(leaf.reader(), ID);
                    trust = DocValues.getNumeric(leaf.reader(), TRUST);
                    for (int i = 0; i < niches.length; i++) {
                        niches[i] = DocValues.getNumeric(leaf.reader(), nicheFields.get(i));
                    }
                    vectors = brief == null ? null : leaf.reader().getFloatVectorValues(VECTOR);
                    bm25 = keywordWeight == null ? null : keywordWeight.scorer(leaf);
                }
                int local = c.doc - leaf.docBase;
                if (ids.advanceExact(local)) {
                    c.id = ids.longValue();
                }
                c.trust = trust.advanceExact(local) ? Double.longBitsToDouble(trust.longValue()) : null;
                c.niche = null;
                for (int i = 0; i < niches.length; i++) {
                    if (niches[i].advanceExact(local)) {
                        double confidence = Float.intBitsToFloat((int) niches[i].longValue());
                        if (c.niche == null || confidence > c.niche.confidence()) {
                            c.niche = new NicheScore(f.niches().get(i), confidence);
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
                            c.cosine = dot(vectors.vectorValue(), brief);
                        }
                    }
                }
            }
        }

        private void load(List<Candidate> candidates) throws IOException {
            StoredFields stored = searcher.storedFields();
            for (Candidate c : candidates) {
                if (c.stored == null) {
                    c.stored = stored.document(c.doc);
                    c.id = c.stored.getField(ID).numericValue().longValue();
                }
            }
        }

        private double keywordPart(Candidate c) {
            return Double.isNaN(c.bm25) || keywordCeiling <= 0 ? 0 : w.keyword() * c.bm25 / keywordCeiling;
        }

        private double hybrid(Candidate c) {
            double semantic = Double.isNaN(c.cosine) ? 0 : w.semantic() * Math.max(0, c.cosine);
            return keywordPart(c)
                    + semantic
                    + (c.niche == null ? 0 : w.niche() * c.niche.confidence())
                    + (c.trust == null ? 0 : w.trust() * c.trust / 100);
        }

        private SearchHit toHit(Candidate c, List<String> matchedTerms) {
            NicheScore niche = c.niche;
            Double trust = c.trust;
            Double cosine = Double.isNaN(c.cosine) ? null : c.cosine;
            RankExplanation why = new RankExplanation(
                    matchedTerms,
                    keywords == null ? null : (Double.isNaN(c.bm25) ? 0.0 : c.bm25),
                    keywordPart(c),
                    cosine,
                    cosine == null ? 0 : w.semantic() * Math.max(0, cosine),
                    niche == null ? null : niche.niche(),
                    niche == null ? null : niche.confidence(),
                    niche == null ? 0 : w.niche() * niche.confidence(),
                    trust,
                    trust == null ? 0 : w.trust() * trust / 100);
            double score = why.keywordContribution()
                    + why.semanticContribution()
                    + why.nicheContribution()
                    + why.trustContribution();
            return hit(c.stored, score, why);
        }

        /**
         * The query words present in each page document's text, checked in the postings: per segment one terms
         * enumerator per text field (only the standard field and the stemmed fields of the page's languages), one
         * lookup per analysed word, then the postings are advanced through the page's documents in order.
         */
        private Map<Integer, List<String>> matchedTerms(List<Candidate> page) throws IOException {
            Map<Integer, List<String>> matched = new HashMap<>();
            List<Integer> docs = page.stream().map(c -> c.doc).sorted().toList();
            Set<String> fields = new LinkedHashSet<>();
            fields.add(TEXT);
            for (Candidate c : page) {
                String stemmed = IndexFields.stemmedFieldFor(c.stored.get(LANGUAGE));
                if (stemmed != null) {
                    fields.add(stemmed);
                }
            }
            Map<Integer, Set<String>> found = new HashMap<>();
            for (LeafReaderContext leaf : leaves) {
                int end = leaf.docBase + leaf.reader().maxDoc();
                List<Integer> inLeaf =
                        docs.stream().filter(d -> d >= leaf.docBase && d < end).toList();
                if (inLeaf.isEmpty()) {
                    continue;
                }
                for (String field : fields) {
                    Terms terms = leaf.reader().terms(field);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    PostingsEnum pe = null;
                    for (var word : words.entrySet()) {
                        for (String token : word.getValue().get(field)) {
                            if (!te.seekExact(new BytesRef(token))) {
                                continue;
                            }
                            pe = te.postings(pe, PostingsEnum.NONE);
                            for (int doc : inLeaf) {
                                int local = doc - leaf.docBase;
                                int at = pe.docID() >= local ? pe.docID() : pe.advance(local);
                                if (at == local) {
                                    found.computeIfAbsent(doc, k -> new java.util.HashSet<>())
                                            .add(word.getKey());
                                }
                                if (at == PostingsEnum.NO_MORE_DOCS) {
                                    break;
                                }
                            }
                        }
                    }
                }
            }
            // Keep the query's word order.
            for (var e : found.entrySet()) {
                List<String> ordered = new ArrayList<>();
                for (String word : words.keySet()) {
                    if (e.getValue().contains(word)) {
                        ordered.add(word);
                    }
                }
                matched.put(e.getKey(), ordered);
            }
            return matched;
        }
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        if (values == null) {
            return null;
        }
        int local = doc - leaf.docBase;
        return values.advance(local) == local ? values.vectorValue().clone() : null;
    }

    private static double dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }

    private static Double doubleOrNull(Document d, String field) {
        var f = d.getField(field);
        return f == null ? null : f.numericValue().doubleValue();
    }

    private static Long longOrNull(Document d, String field) {
        var f = d.getField(field);
        return f == null ? null : f.numericValue().longValue();
    }

    static List<NicheScore> niches(Document d) {
        String stored = d.get(NICHES_STORED);
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<NicheScore> out = new ArrayList<>();
        for (String pair : stored.split(",")) {
            int colon = pair.lastIndexOf(':');
            out.add(new NicheScore(pair.substring(0, colon), Double.parseDouble(pair.substring(colon + 1))));
        }
        return out;
    }

    private static SearchHit hit(Document d, double score, RankExplanation why) {
        return new SearchHit(
                d.getField(ID).numericValue().longValue(),
                d.get(PLATFORM),
                d.get(HANDLE),
                d.get(DISPLAY_NAME),
                d.get(TIER),
                d.getField(FOLLOWERS).numericValue().longValue(),
                longOrNull(d, FOLLOWING),
                longOrNull(d, POSTS),
                d.get(COUNTRY),
                d.get(LANGUAGE),
                Boolean.parseBoolean(d.get(VERIFIED)),
                Boolean.parseBoolean(d.get(HAS_CONTACT)),
                doubleOrNull(d, ER),
                doubleOrNull(d, ER_PERCENTILE),
                doubleOrNull(d, TRUST),
                doubleOrNull(d, SUSPICIOUS),
                doubleOrNull(d, REPLY_RATE),
                niches(d),
                price(d),
                score,
                why);
    }

    private static PriceEstimates.PriceRange price(Document d) {
        Double low = doubleOrNull(d, PRICE_LOW);
        Double high = doubleOrNull(d, PRICE_HIGH);
        String currency = d.get(PRICE_CURRENCY);
        return low == null || high == null || currency == null
                ? null
                : new PriceEstimates.PriceRange(low, high, currency);
    }
}
