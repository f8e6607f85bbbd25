package io.microreach.app.search;

import java.util.List;
import java.util.Set;

/**
 * Filters of a search; {@code null} (or an empty set) means "no constraint". Ranges are inclusive. Engagement rate,
 * suspicious share and reply rate are fractions (0.035 = 3.5%); percentiles and the trust score are 0..100. Accounts
 * without a value for a filtered metric (not scored yet) do not match that filter.
 *
 * @param niches accounts in at least one of these niches with confidence ≥ {@code nicheConfidenceMin}
 * @param nicheConfidenceMin minimum niche confidence; null means the configured facet threshold
 * @param text handle or display name contains this (case-insensitive); the creators list's text box
 * @param priceMin accounts whose estimated price range reaches at least this
 * @param priceMax accounts whose estimated price range starts at most at this
 */
public record SearchFilters(
        Set<String> platforms,
        Set<String> tiers,
        Long followersMin,
        Long followersMax,
        Double erMin,
        Double erMax,
        Double erPercentileMin,
        Double erPercentileMax,
        Double trustMin,
        Double suspiciousMax,
        Double replyRateMin,
        List<String> niches,
        Double nicheConfidenceMin,
        Set<String> countries,
        Set<String> languages,
        Double priceMin,
        Double priceMax,
        Boolean hasContact,
        String text) {

    public static final SearchFilters NONE = new SearchFilters(
            Set.of(), Set.of(), null, null, null, null, null, null, null, null, null, List.of(), null, Set.of(),
            Set.of(), null, null, null, null);

    public SearchFilters {
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        niches = niches == null ? List.of() : List.copyOf(niches);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public SearchFilters withPlatforms(Set<String> value) {
        return new SearchFilters(
                value,
                tiers,
                followersMin,
                followersMax,
                erMin,
                erMax,
                erPercentileMin,
                erPercentileMax,
                trustMin,
                suspiciousMax,
                replyRateMin,
                niches,
                nicheConfidenceMin,
                countries,
                languages,
                priceMin,
                priceMax,
                hasContact,
                text);
    }

    public SearchFilters withText(String value) {
        return new SearchFilters(
                platforms,
                tiers,
                followersMin,
                followersMax,
                erMin,
                erMax,
                erPercentileMin,
                erPercentileMax,
                trustMin,
                suspiciousMax,
                replyRateMin,
                niches,
                nicheConfidenceMin,
                countries,
                languages,
                priceMin,
                priceMax,
                hasContact,
                value);
    }

    public SearchFilters withNiches(List<String> value, Double minConfidence) {
        return new SearchFilters(
                platforms,
                tiers,
                followersMin,
                followersMax,
                erMin,
                erMax,
                erPercentileMin,
                erPercentileMax,
                trustMin,
                suspiciousMax,
                replyRateMin,
                value,
                minConfidence,
                countries,
                languages,
                priceMin,
                priceMax,
                hasContact,
                text);
    }

    public SearchFilters withFollowers(Long min, Long max) {
        return new SearchFilters(
                platforms,
                tiers,
                min,
                max,
                erMin,
                erMax,
                erPercentileMin,
                erPercentileMax,
                trustMin,
                suspiciousMax,
                replyRateMin,
                niches,
                nicheConfidenceMin,
                countries,
                languages,
                priceMin,
                priceMax,
                hasContact,
                text);
    }

    public SearchFilters withTrustMin(Double value) {
        return new SearchFilters(
                platforms,
                tiers,
                followersMin,
                followersMax,
                erMin,
                erMax,
                erPercentileMin,
                erPercentileMax,
                value,
                suspiciousMax,
                replyRateMin,
                niches,
                nicheConfidenceMin,
                countries,
                languages,
                priceMin,
                priceMax,
                hasContact,
                text);
    }
}
