package io.microreach.app.search;

/**
 * One search.
 *
 * @param query keywords matched with BM25 over bio, captions and hashtags (Lucene simple query syntax: {@code "a
 *     phrase"}, {@code -exclude}, {@code prefix*}); null or blank for none
 * @param brief a brand brief in free text, matched semantically against content embeddings; null or blank for none
 * @param filters hard constraints
 * @param sort the order; {@link SearchSort#RELEVANCE} is the hybrid score
 * @param descending direction; null means the sort's natural direction
 * @param offset results to skip (paging)
 * @param limit results to return
 * @param facets whether to count niches, tiers, platforms and countries over all matches
 */
public record SearchRequest(
        String query,
        String brief,
        SearchFilters filters,
        SearchSort sort,
        Boolean descending,
        int offset,
        int limit,
        boolean facets) {

    /** The deepest result a request may reach (offset + limit); deeper paging should narrow the filters. */
    public static final int MAX_WINDOW = 10_000;

    public static final int MAX_LIMIT = 500;

    /** The longest keyword query, in characters: longer ones are pasted text, better given as a brief. */
    public static final int MAX_QUERY_LENGTH = 500;

    /** The longest brand brief, in characters: a few paragraphs, more than a brief needs to say what it wants. */
    public static final int MAX_BRIEF_LENGTH = 2_000;

    public SearchRequest {
        query = query == null || query.isBlank() ? null : query.strip();
        brief = brief == null || brief.isBlank() ? null : brief.strip();
        checkLength("query", query, MAX_QUERY_LENGTH);
        checkLength("brief", brief, MAX_BRIEF_LENGTH);
        filters = filters == null ? SearchFilters.NONE : filters;
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        PageSortParser.checkOffset(offset, limit, MAX_LIMIT);
    }

    private static void checkLength(String parameter, String text, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidSearchParameter(
                    parameter,
                    String.format(
                            java.util.Locale.ROOT,
                            "at most %,d characters, got %,d; shorten it to the words that matter most",
                            max,
                            text.length()));
        }
    }

    public static SearchRequest of(String query, String brief, SearchFilters filters, int limit) {
        return new SearchRequest(query, brief, filters, SearchSort.RELEVANCE, null, 0, limit, false);
    }

    public boolean isDescending() {
        return descending != null ? descending : sort.descendingByDefault();
    }

    public SearchRequest withFacets(boolean value) {
        return new SearchRequest(query, brief, filters, sort, descending, offset, limit, value);
    }

    public SearchRequest page(int newOffset, int newLimit) {
        return new SearchRequest(query, brief, filters, sort, descending, newOffset, newLimit, facets);
    }
}
