package io.microreach.app.search;

import io.microreach.briefs.BriefChip;
import io.microreach.briefs.BriefInterpretation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * One search over one searcher: what both rankers share (the filter and keyword queries, the chips read from the
 * brief, the boosts, the {@link HybridScore} with this query's BM25 ceiling, the {@link CandidateReader}), then the
 * page the ranker chose is read, explained ({@link HitMapper}) and, when asked for, faceted over every match. Without a
 * brief the {@link KeywordRanker} ranks, with one the {@link SemanticRanker}. Stored fields and matched words are read
 * for the page only.
 */
final class SearchRun {
    final IndexSearcher searcher;
    final SearchRequest request;
    final SearchSettings settings;
    /** The embedding of the brief's topic, or null without a brief. */
    final float[] brief;

    final PoolStats pool;
    /** Whether demo accounts are left out of this search. */
    final boolean demoHidden;

    /** The user's filters with the brief's filter chips added. */
    final SearchFilters filters;

    final Query filter;
    /** The keywords (the user's, else the brief's topic words), or null without any. */
    final KeywordQuery keywords;
    /** The keywords' exact handle or name match, or null (no keywords of the user's own). */
    final Query exact;

    final List<Boost> boosts;
    final List<SearchResult.BriefChipView> chips;

    final HybridScore score;
    /** Reliability factors of the caller's workspace (account id → factor), empty when not in use. */
    final Map<Long, Double> reliability;

    final List<String> nicheFields;
    final CandidateReader reader;
    private FixedBitSet[] boostDocs;

    SearchRun(
            IndexSearcher searcher,
            SearchRequest request,
            SearchSettings settings,
            BriefInterpretation interpretation,
            float[] brief,
            Map<Long, Double> reliability)
            throws IOException {
        this.searcher = searcher;
        this.reliability = Map.copyOf(reliability);
        this.request = request;
        this.settings = settings;
        this.brief = brief;
        SearchFilters f = request.filters();
        List<Boost> boosts = new ArrayList<>();
        List<SearchResult.BriefChipView> chips = new ArrayList<>();
        if (interpretation != null) {
            f = applyChips(interpretation, f, boosts, chips);
        }
        this.filters = f;
        this.chips = List.copyOf(chips);
        this.pool = PoolStats.of(searcher.getIndexReader());
        this.demoHidden = pool.hidesDemo(f.includeDemo());
        this.filter = FilterQuery.of(f, settings.nicheFacetMin(), demoHidden);
        String words = request.query() != null
                ? request.query()
                : interpretation != null && !interpretation.topic().isBlank() ? interpretation.topic() : null;
        this.keywords = words == null ? null : new KeywordQuery(words);
        this.exact = request.query() == null ? null : exactMatch(request.query());
        if (exact != null) {
            boosts.add(new Boost("exact handle or name", exact, HybridScore.EXACT));
        }
        boosts.add(new Boost("micro creator", new TermQuery(new Term(IndexFields.TIER, "micro")), HybridScore.MICRO));
        this.boosts = List.copyOf(boosts);
        SearchSettings.Weights w = settings.weights();
        if (request.query() == null && keywords != null) {
            w = new SearchSettings.Weights(HybridScore.BRIEF_WORDS, w.semantic(), w.niche(), w.trust());
        }
        this.score = new HybridScore(
                w, keywords == null ? 0 : keywords.ceiling(searcher), keywords != null, pool.neutralTrust(demoHidden));
        this.nicheFields = f.niches().stream().map(IndexFields::nicheConfidence).toList();
        this.reader = new CandidateReader(searcher, keywordQuery(), f.niches(), brief);
    }

    /**
     * Adds the brief's filter chips to the filters (unless the user filtered that field already, or removed the chip)
     * and its boost chips to the boosts; returns the filters.
     */
    private static SearchFilters applyChips(
            BriefInterpretation interpretation,
            SearchFilters f,
            List<Boost> boosts,
            List<SearchResult.BriefChipView> views) {
        Map<BriefChip.Field, Set<String>> filterValues = new java.util.EnumMap<>(BriefChip.Field.class);
        for (BriefChip c : interpretation.chips()) {
            if (f.briefIgnore().contains(c.key())) {
                continue;
            }
            boolean userSet = !userValues(f, c.field()).isEmpty();
            String label = c.field().label() + ": " + c.label();
            boolean applied = !userSet;
            if (c.mode() == BriefChip.Mode.FILTER && applied) {
                filterValues
                        .computeIfAbsent(c.field(), k -> new LinkedHashSet<>())
                        .add(c.value());
            } else if (c.mode() == BriefChip.Mode.BOOST && applied) {
                boosts.add(new Boost(
                        label + " (from the brief)",
                        new TermQuery(new Term(c.field().param(), c.value())),
                        HybridScore.BRIEF_BOOST));
            }
            views.add(new SearchResult.BriefChipView(
                    c.field().param(), c.value(), label, c.words(), c.mode().id(), applied, c.key()));
        }
        SearchFilters.Builder b = f.toBuilder();
        filterValues.forEach((field, values) -> {
            switch (field) {
                case COUNTRY -> b.countries(values);
                case LANGUAGE -> b.languages(values);
                case PLATFORM -> b.platforms(values);
                case TIER -> b.tiers(values);
            }
        });
        return b.build();
    }

    private static Set<String> userValues(SearchFilters f, BriefChip.Field field) {
        return switch (field) {
            case COUNTRY -> f.countries();
            case LANGUAGE -> f.languages();
            case PLATFORM -> f.platforms();
            case TIER -> f.tiers();
        };
    }

    /** Keywords that are exactly a handle (with or without @) or a display name, in any case. */
    private static Query exactMatch(String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        String handle = q.startsWith("@") ? q.substring(1) : q;
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.HANDLE_LC, handle)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(IndexFields.NAME_LC, q)), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The keyword query alone (scored as BM25), or null. */
    Query keywordQuery() {
        return keywords == null ? null : keywords.query;
    }

    /** What counts as matching the keywords: their words, or the exact handle or name; null without keywords. */
    Query keywordMatch() {
        if (keywords == null) {
            return null;
        }
        if (exact == null) {
            return keywords.query;
        }
        return new BooleanQuery.Builder()
                .add(keywords.query, BooleanClause.Occur.SHOULD)
                .add(exact, BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * Sets each candidate's boosts (sum and names) from the documents matching each boost, and its reliability
     * factor.
     */
    void applyBoosts(List<Candidate> candidates) throws IOException {
        if (boostDocs == null) {
            boostDocs = new FixedBitSet[boosts.size()];
            int maxDoc = searcher.getIndexReader().maxDoc();
            for (int i = 0; i < boosts.size(); i++) {
                FixedBitSet bits = new FixedBitSet(Math.max(1, maxDoc));
                searcher.search(boosts.get(i).query(), new SimpleCollector() {
                    private int base;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) {
                        base = context.docBase;
                    }

                    @Override
                    public void collect(int doc) {
                        bits.set(base + doc);
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                });
                boostDocs[i] = bits;
            }
        }
        for (Candidate c : candidates) {
            double sum = 0;
            List<String> names = new ArrayList<>();
            for (int i = 0; i < boosts.size(); i++) {
                if (boostDocs[i].get(c.doc)) {
                    sum += boosts.get(i).weight();
                    names.add(boosts.get(i).label());
                }
            }
            c.boost = sum;
            c.boosts = names;
            c.reliability = reliability.getOrDefault(c.id, 1.0);
        }
    }

    /** One sentence on the order of the results, for people. */
    String orderSentence() {
        if (request.sort() != SearchSort.RELEVANCE) {
            return "Sorted by " + request.sort().id().replace('_', ' ')
                    + (request.isDescending() ? ", highest" : ", lowest") + " first.";
        }
        if (request.query() == null && brief == null) {
            return "Sorted by fit for a micro-influencer campaign: micro creators (5k–50k followers) first, then by"
                    + " trust score" + (filters.niches().isEmpty() ? "" : " and niche confidence") + ".";
        }
        String what = request.query() != null && brief != null
                ? "how well the keywords and the brief match"
                : request.query() != null ? "how well the keywords match" : "how closely the content matches the brief";
        return "Sorted by " + what + ", then trust score, with micro creators (5k–50k followers) preferred"
                + (request.query() != null ? "; an exact handle or name comes first" : "") + ".";
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
                new SearchResult.DemoData(pool.demoAccounts(), demoHidden),
                chips,
                orderSentence());
    }
}
