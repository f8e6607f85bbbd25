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
        String formula) {

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
}
