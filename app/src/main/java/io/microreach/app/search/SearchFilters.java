package io.microreach.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Filters of a search; an open {@link Range} (or an empty set, or {@code null}) means "no constraint". Ranges are
 * inclusive. Engagement rate, suspicious share and reply rate are fractions (0.035 = 3.5%); percentiles and the trust
 * score are 0..100. Accounts without a value for a filtered metric (not scored yet) do not match that filter. Change
 * one filter with {@link #toBuilder()}.
 *
 * @param followers {@code followers_min} .. {@code followers_max}
 * @param er {@code er_min} .. {@code er_max}
 * @param erPercentile {@code er_percentile_min} .. {@code er_percentile_max}
 * @param trust {@code trust_min} (the parameters set only the lower bound)
 * @param suspicious {@code suspicious_max} (only the upper bound)
 * @param replyRate {@code reply_rate_min} (only the lower bound)
 * @param niches accounts in at least one of these niches with confidence ≥ {@code nicheConfidenceMin}
 * @param nicheConfidenceMin minimum niche confidence; null means the configured facet threshold
 * @param price {@code price_min} .. {@code price_max}: accounts whose estimated price range overlaps this one (it
 *     reaches at least the minimum and starts at most at the maximum)
 * @param text handle or display name contains this (case-insensitive); the creators list's text box
 * @param includeDemo {@code include_demo}: whether accounts of the generated demo data set are searched; null means
 *     automatic: they are while no real (imported) account exists, and hidden as soon as one does
 */
public record SearchFilters(
        Set<String> platforms,
        Set<String> tiers,
        Range<Long> followers,
        Range<Double> er,
        Range<Double> erPercentile,
        Range<Double> trust,
        Range<Double> suspicious,
        Range<Double> replyRate,
        List<String> niches,
        Double nicheConfidenceMin,
        Set<String> countries,
        Set<String> languages,
        Range<Double> price,
        Boolean hasContact,
        String text,
        Boolean includeDemo,
        Set<String> briefIgnore) {

    public static final SearchFilters NONE = builder().build();

    public SearchFilters {
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        followers = orAny(followers);
        er = orAny(er);
        erPercentile = orAny(erPercentile);
        trust = orAny(trust);
        suspicious = orAny(suspicious);
        replyRate = orAny(replyRate);
        niches = niches == null ? List.of() : List.copyOf(niches);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        price = orAny(price);
        text = text == null || text.isBlank() ? null : text.strip();
        briefIgnore = briefIgnore == null ? Set.of() : Set.copyOf(briefIgnore);
    }

    private static <T extends Comparable<T>> Range<T> orAny(Range<T> r) {
        return r == null ? Range.any() : r;
    }

    /** A contradiction among the ranges, explained ("No account can match: ..."), or null. */
    public String contradiction() {
        List<String> problems = new ArrayList<>();
        for (String p : new String[] {
            followers.contradiction("followers_min", "followers_max"),
            er.contradiction("er_min", "er_max"),
            erPercentile.contradiction("er_percentile_min", "er_percentile_max"),
            price.contradiction("price_min", "price_max")
        }) {
            if (p != null) {
                problems.add(p);
            }
        }
        return problems.isEmpty() ? null : "No account can match: " + String.join("; ", problems) + ".";
    }

    public static Builder builder() {
        return new Builder(null);
    }

    /** A builder starting from these filters. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets filters one at a time; whatever is not set stays as in the filters it started from. */
    public static final class Builder {
        private Set<String> platforms;
        private Set<String> tiers;
        private Range<Long> followers;
        private Range<Double> er;
        private Range<Double> erPercentile;
        private Range<Double> trust;
        private Range<Double> suspicious;
        private Range<Double> replyRate;
        private List<String> niches;
        private Double nicheConfidenceMin;
        private Set<String> countries;
        private Set<String> languages;
        private Range<Double> price;
        private Boolean hasContact;
        private String text;
        private Boolean includeDemo;
        private Set<String> briefIgnore;

        private Builder(SearchFilters from) {
            if (from != null) {
                platforms = from.platforms;
                tiers = from.tiers;
                followers = from.followers;
                er = from.er;
                erPercentile = from.erPercentile;
                trust = from.trust;
                suspicious = from.suspicious;
                replyRate = from.replyRate;
                niches = from.niches;
                nicheConfidenceMin = from.nicheConfidenceMin;
                countries = from.countries;
                languages = from.languages;
                price = from.price;
                hasContact = from.hasContact;
                text = from.text;
                includeDemo = from.includeDemo;
                briefIgnore = from.briefIgnore;
            }
        }

        public Builder platforms(Set<String> value) {
            platforms = value;
            return this;
        }

        public Builder tiers(Set<String> value) {
            tiers = value;
            return this;
        }

        public Builder followers(Range<Long> value) {
            followers = value;
            return this;
        }

        public Builder er(Range<Double> value) {
            er = value;
            return this;
        }

        public Builder erPercentile(Range<Double> value) {
            erPercentile = value;
            return this;
        }

        public Builder trust(Range<Double> value) {
            trust = value;
            return this;
        }

        public Builder suspicious(Range<Double> value) {
            suspicious = value;
            return this;
        }

        public Builder replyRate(Range<Double> value) {
            replyRate = value;
            return this;
        }

        /** Accounts in at least one of {@code value} with at least {@code minConfidence} (null: the facet threshold). */
        public Builder niches(List<String> value, Double minConfidence) {
            niches = value;
            nicheConfidenceMin = minConfidence;
            return this;
        }

        public Builder countries(Set<String> value) {
            countries = value;
            return this;
        }

        public Builder languages(Set<String> value) {
            languages = value;
            return this;
        }

        public Builder price(Range<Double> value) {
            price = value;
            return this;
        }

        public Builder hasContact(Boolean value) {
            hasContact = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        /** Whether demo accounts are searched: true, false, or null for automatic (see {@link SearchFilters}). */
        public Builder includeDemo(Boolean value) {
            includeDemo = value;
            return this;
        }

        /** Chips read from the brief that the user removed, as {@code field:value} ({@code country:DE}). */
        public Builder briefIgnore(Set<String> value) {
            briefIgnore = value;
            return this;
        }

        public SearchFilters build() {
            return new SearchFilters(
                    platforms,
                    tiers,
                    followers,
                    er,
                    erPercentile,
                    trust,
                    suspicious,
                    replyRate,
                    niches,
                    nicheConfidenceMin,
                    countries,
                    languages,
                    price,
                    hasContact,
                    text,
                    includeDemo,
                    briefIgnore);
        }
    }
}
