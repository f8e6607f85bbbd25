package io.microreach.bench;

import io.microreach.app.search.SearchIndex;
import io.microreach.app.search.SearchParameters;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.app.search.SearchSettings;
import io.microreach.niches.TextEmbedder;
import java.util.List;
import java.util.Optional;

/**
 * The app's search as the search benchmark calls it. This is the only bench code that builds the app's search types
 * ({@link SearchService}, and a {@link SearchRequest} with its filters from a {@link SearchDataSet.SearchQuery}): a
 * change of their API touches this class and nothing else.
 */
final class AppSearch {
    private final SearchService service;

    AppSearch(SearchIndex index, SearchSettings settings, TextEmbedder embedder) {
        this.service = new SearchService(index, settings, () -> Optional.of(embedder), () -> false);
    }

    /** The top {@value SearchDataSet#TOP} for {@code query}; building the request is part of the timed work. */
    SearchResult search(SearchDataSet.SearchQuery query) {
        return service.search(SearchRequest.of(
                query.query(), query.brief(), SearchParameters.parse(query.filters()), SearchDataSet.TOP));
    }

    List<Long> nearestAccounts(float[] vector, int k, int candidates) {
        return service.nearestAccounts(vector, k, candidates);
    }
}
