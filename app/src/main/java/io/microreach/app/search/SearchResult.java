package io.microreach.app.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param total how many accounts match (for a brief alone: every filtered account with an embedding, ranked by
 *     similarity)
 * @param hits the requested page, best first
 * @param facets counts over all matches, or null when not requested
 * @param emptyReason why nothing can match (contradictory ranges), or null
 * @param formula the hybrid formula with the weights in force
 */
public record SearchResult(
        long total,
        int offset,
        int limit,
        String sort,
        boolean descending,
        List<SearchHit> hits,
        Facets facets,
        String emptyReason,
        String formula) {

    /** Counts per value over all matches, most frequent first (ties by value). */
    public record Facets(
            List<FacetCount> niche, List<FacetCount> tier, List<FacetCount> platform, List<FacetCount> country) {}

    public record FacetCount(String value, long count) {}
}
