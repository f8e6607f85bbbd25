package io.microreach.app.search;

import io.microreach.briefs.BriefInterpretation;
import io.microreach.briefs.BriefInterpreter;
import io.microreach.domain.Platform;
import io.microreach.niches.TextEmbedder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Answers searches and lookalike queries from the index; the search feature's API. It checks what a request needs
 * (price estimates, an embedder whose model the index holds), embeds the brief and hands the work to one collaborator
 * per job: {@link FilterQuery} and {@link KeywordQuery} build the Lucene queries, {@link KeywordRanker} (filters and
 * keywords: one pruned top-k search) or {@link SemanticRanker} (a brief: kNN then exact cosine re-rank) choose the
 * page, {@link HitMapper} turns documents into hits explained by the {@link HybridScore} (the formula lives there), and
 * {@link LookalikeFinder} finds content lookalikes. Every order breaks ties by account id, so paging is stable.
 */
@Service
public class SearchService {
    private final SearchIndex index;
    private final SearchSettings settings;
    private final Supplier<Optional<TextEmbedder>> embedder;
    private final Supplier<Boolean> pricesAvailable;
    private final Supplier<PriceEstimates> prices;
    private final Supplier<Map<Long, Double>> reliability;
    private final LookalikeFinder lookalikes;
    private volatile String formula;

    @Autowired
    SearchService(
            SearchIndex index,
            SearchSettings settings,
            ObjectProvider<TextEmbedder> embedders,
            ObjectProvider<PriceEstimates> prices,
            ObjectProvider<ReliabilityFactors> reliability) {
        this(
                index,
                settings,
                () -> Optional.ofNullable(embedders.getIfUnique()),
                () -> prices.getIfUnique() != null,
                prices::getIfUnique,
                () -> {
                    ReliabilityFactors r = reliability.getIfUnique();
                    return r == null ? Map.of() : r.current();
                });
    }

    /** For tests and benchmarks that bring their own embedder. */
    public SearchService(
            SearchIndex index,
            SearchSettings settings,
            Supplier<Optional<TextEmbedder>> embedder,
            Supplier<Boolean> pricesAvailable) {
        this(index, settings, embedder, pricesAvailable, () -> null, Map::of);
    }

    /** For tests that bring their own reliability factors (account id → factor). */
    public SearchService(
            SearchIndex index,
            SearchSettings settings,
            Supplier<Optional<TextEmbedder>> embedder,
            Supplier<Boolean> pricesAvailable,
            Supplier<Map<Long, Double>> reliability) {
        this(index, settings, embedder, pricesAvailable, () -> null, reliability);
    }

    private SearchService(
            SearchIndex index,
            SearchSettings settings,
            Supplier<Optional<TextEmbedder>> embedder,
            Supplier<Boolean> pricesAvailable,
            Supplier<PriceEstimates> prices,
            Supplier<Map<Long, Double>> reliability) {
        this.index = index;
        this.reliability = reliability;
        this.settings = settings;
        this.embedder = embedder;
        this.pricesAvailable = pricesAvailable;
        this.prices = prices;
        this.lookalikes = new LookalikeFinder(settings);
    }

    public SearchSettings settings() {
        return settings;
    }

    /** The formula with the weights in force, as shown in results (formatted once: it is in every result). */
    public String formula() {
        String f = formula;
        if (f == null) {
            f = formula = HybridScore.formula(settings.weights());
        }
        return f;
    }

    public SearchResult search(SearchRequest request) {
        SearchFilters f = request.filters();
        if (!f.price().isOpen() && !pricesAvailable.get()) {
            throw new InvalidSearchParameter(
                    f.price().min() != null ? "price_min" : "price_max",
                    "price estimates are unavailable in this installation (they come with the budget planner)");
        }
        // The brief's stated country, language, platform and size become chips; only its topic is embedded.
        BriefInterpretation brief = request.brief() == null ? null : BriefInterpreter.interpret(request.brief());
        float[] briefVector = brief == null ? null : embedBrief(brief.topic());
        String contradiction = f.contradiction();
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
                    formula(),
                    null,
                    List.of(),
                    null);
        }
        Map<Long, Double> factors = reliability.get();
        return index.withSearcher(s -> {
                    if (briefVector != null) {
                        checkVectorSpace(s.space(), briefVector);
                    }
                    return new SearchRun(s.searcher(), request, settings, brief, briefVector, factors)
                            .execute(formula());
                })
                .withHits(this::withWorkspacePrices);
    }

    /** The hits with the caller's workspace prices in place of the shared index's estimates, where it has one. */
    List<SearchHit> withWorkspacePrices(List<SearchHit> hits) {
        PriceEstimates estimates = prices.get();
        if (estimates == null || hits.isEmpty()) {
            return hits;
        }
        Map<Long, PriceEstimates.PriceRange> own = estimates.workspacePrices(
                hits.stream().map(SearchHit::accountId).toList());
        if (own.isEmpty()) {
            return hits;
        }
        return hits.stream()
                .map(h -> own.containsKey(h.accountId()) ? h.withPrice(own.get(h.accountId())) : h)
                .toList();
    }

    /** Accounts whose content is most similar to the given account's, excluding it; filters apply. */
    public Lookalikes lookalikes(Platform platform, String handle, SearchFilters filters, int limit) {
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new InvalidSearchParameter(
                    "limit", "must be between 1 and " + SearchRequest.MAX_LIMIT + ", got " + limit);
        }
        return index.withSearcher(s -> lookalikes.find(s.searcher(), platform, handle, filters, limit));
    }

    /**
     * The ids of the {@code k} accounts most similar to {@code vector}, retrieved as a brief's candidates are: HNSW
     * kNN for {@code candidates} neighbours, then an exact cosine re-rank (for measuring recall against brute force).
     */
    public List<Long> nearestAccounts(float[] vector, int k, int candidates) {
        return index.withSearcher(s -> SemanticRanker.nearest(s.searcher(), vector, k, candidates));
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
}
