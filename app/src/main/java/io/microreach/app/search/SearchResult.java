package io.microreach.app.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param total how many accounts match (for a brief: the candidates closer to its topic than the pool's typical account, or using its words, ranked by
 *     similarity); with keywords or a brief counted exactly only up to {@code microreach.search.total-threshold}
 *     (1,000), above it this is the threshold and {@code totalRelation} is {@code gte}
 * @param totalRelation {@code eq} when {@code total} is exact, {@code gte} when there are at least that many
 * @param hits the requested page, best first
 * @param facets counts over all matches, or null when not requested
 * @param emptyReason why nothing can match (contradictory ranges), or null
 * @param formula the hybrid formula with the weights in force
 * @param demo how many accounts of the demo data set the index holds and whether this search left them out; null when
 *     the search did not run (contradictory ranges)
 * @param interpretedBrief what the brief was read as: one chip per stated country, language, platform or size, each
 *     a filter or a boost the user can remove ({@code brief_ignore=field:value}); empty without a brief
 * @param order one sentence saying how the results are sorted
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
        DemoData demo,
        List<BriefChipView> interpretedBrief,
        String order) {

    /** The same result with its hits replaced (prices overlaid); everything else unchanged. */
    public SearchResult withHits(java.util.function.UnaryOperator<List<SearchHit>> change) {
        return new SearchResult(
                total,
                totalRelation,
                offset,
                limit,
                sort,
                descending,
                change.apply(hits),
                facets,
                emptyReason,
                formula,
                demo,
                interpretedBrief,
                order);
    }

    public SearchResult {
        interpretedBrief = interpretedBrief == null ? List.of() : List.copyOf(interpretedBrief);
    }

    /**
     * One chip of the interpreted brief.
     *
     * @param field {@code country}, {@code language}, {@code platform} or {@code tier} (the filter of that name)
     * @param value the value in the filter's terms ({@code DE}, {@code de}, {@code youtube}, {@code micro})
     * @param label the field and value for people ("Country: Germany")
     * @param words the brief's words it was read from
     * @param mode {@code filter} (non-matching accounts are left out) or {@code boost} (matching accounts rank higher)
     * @param applied false when a filter the user set on the same field takes its place
     * @param key {@code field:value}, the value of {@code brief_ignore} that removes it
     */
    public record BriefChipView(
            String field, String value, String label, String words, String mode, boolean applied, String key) {}

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
