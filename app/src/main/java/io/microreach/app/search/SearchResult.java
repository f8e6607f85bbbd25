package io.microreach.app.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param total how many accounts match (for a brief alone: every filtered account with an embedding, ranked by
 *     similarity); with keywords or a brief counted exactly only up to {@code microreach.search.total-threshold}
 *     (1,000), above it this is the threshold and {@code totalRelation} is {@code gte}
 * @param totalRelation {@code eq} when {@code total} is exact, {@code gte} when there are at least that many
 * @param hits the requested page, best first
 * @param facets counts over all matches, or null when not requested
 * @param emptyReason why nothing can match (contradictory ranges), or null
 * @param formula the hybrid formula with the weights in force
 * @param demo how many accounts of the demo data set the index holds and whether this search left them out; null when
 *     the search did not run (contradictory ranges)
 */
public record SearchResult(
        long total,
        String totalRelation,
        int offset,
        int limit,
        String sort,
        boolean descending,
        List<SearchHit> hits,
        Facets facets,
        String emptyReason,
        String formula,
        DemoData demo) {

    public static final String EXACT = "eq";
    public static final String AT_LEAST = "gte";

    /** The total for people: "1,234", or "1,000+" when only a lower bound is known. */
    public String totalText() {
        return String.format(java.util.Locale.ROOT, "%,d", total) + (AT_LEAST.equals(totalRelation) ? "+" : "");
    }

    /** Counts per value over all matches, most frequent first (ties by value). */
    public record Facets(
            List<FacetCount> niche, List<FacetCount> tier, List<FacetCount> platform, List<FacetCount> country) {}

    public record FacetCount(String value, long count) {}

    /**
     * The demo data set in a search.
     *
     * @param accounts demo accounts in the index
     * @param hidden whether they were left out (by default as soon as a real account exists; {@code include_demo})
     */
    public record DemoData(long accounts, boolean hidden) {
        /** Whether the page should say that demo data is hidden (there is some, and it was left out). */
        public boolean noteHidden() {
            return hidden && accounts > 0;
        }
    }
}
