package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchFiltersTest {
    @Test
    void filtersReportEveryContradictionInTheirParametersOrder() {
        SearchFilters f = SearchFilters.builder()
                .price(new Range<>(100.0, 50.0))
                .followers(new Range<>(10L, 1L))
                .er(new Range<>(0.1, 0.2))
                .erPercentile(new Range<>(90.0, 10.0))
                .build();
        assertThat(f.contradiction())
                .isEqualTo("No account can match: followers_min 10 > followers_max 1; er_percentile_min 90.0 >"
                        + " er_percentile_max 10.0; price_min 100.0 > price_max 50.0.");
        assertThat(SearchFilters.NONE.contradiction()).isNull();
    }

    @Test
    void filtersParsedFromParametersHoldRanges() {
        SearchFilters f = SearchParameters.parse(
                Map.of("followers_min", "1_000", "er_max", "0.2", "trust_min", "40", "suspicious_max", "0.1"));
        assertThat(f.followers()).isEqualTo(new Range<>(1000L, null));
        assertThat(f.er()).isEqualTo(Range.atMost(0.2));
        assertThat(f.trust()).isEqualTo(Range.atLeast(40.0));
        assertThat(f.suspicious()).isEqualTo(Range.atMost(0.1));
        assertThat(f.price().isOpen()).isTrue();
        assertThat(f.toBuilder().text("x").build())
                .isEqualTo(new SearchFilters(
                        null,
                        null,
                        f.followers(),
                        f.er(),
                        null,
                        f.trust(),
                        f.suspicious(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "x",
                        null,
                        null));
    }

    @Test
    void aBuilderChangesOnlyWhatItSets() {
        SearchFilters fitness = SearchFilters.builder()
                .niches(List.of("fitness"), 0.4)
                .platforms(java.util.Set.of("instagram"))
                .build();
        SearchFilters narrowed = fitness.toBuilder().trust(Range.atLeast(50.0)).build();
        assertThat(narrowed.niches()).containsExactly("fitness");
        assertThat(narrowed.nicheConfidenceMin()).isEqualTo(0.4);
        assertThat(narrowed.platforms()).containsExactly("instagram");
        assertThat(narrowed.trust()).isEqualTo(Range.atLeast(50.0));
        assertThat(fitness.trust().isOpen()).isTrue();
        assertThat(SearchFilters.builder().text("  ").build()).isEqualTo(SearchFilters.NONE);
    }
}
