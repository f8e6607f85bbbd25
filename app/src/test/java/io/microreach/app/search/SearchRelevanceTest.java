package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 17's relevance observations: exact handles first, the default order, and a brief read into chips. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceTest extends SpringAppTest {
    private final HashingEmbedder embedder = new HashingEmbedder();

    @Autowired
    SearchIndex index;

    SearchService search;
    SearchFixture fixture;

    @BeforeAll
    void data() {
        emptyPublicTables();
        fixture = SearchFixture.insert(jdbc, embedder, 60, 7);
        // Accounts whose text uses "ruby" and "johnson" a lot, so BM25 alone would put them above the handle.
        add("rubyfan", 20_000, 90.0, "US", "ruby johnson ruby johnson ruby gems ruby johnson");
        add("johnsonruby", 20_000, 95.0, "US", "ruby johnson rubyjohnson rubyjohnson");
        add("rubyjohnson", 900, 30.0, "GB", "weekend hikes and trail snacks");
        // For the brief: same content, different country and size.
        add("serumde", 20_000, 50.0, "DE", "organic vegan zinnia balm");
        add("serumdenano", 1_000, 50.0, "DE", "organic vegan zinnia balm");
        add("serumus", 20_000, 99.0, "US", "organic vegan zinnia balm");
        index.rebuild(IndexProgress.NONE);
        search = new SearchService(index, SearchSettings.DEFAULT, () -> Optional.of(embedder), () -> false);
    }

    private void add(String handle, long followers, Double trust, String country, String text) {
        fixture.add(
                jdbc,
                embedder,
                "instagram",
                handle,
                followers,
                true,
                trust,
                0.03,
                50.0,
                0.1,
                0.2,
                country,
                "en",
                false,
                Map.of(),
                text);
    }

    private List<String> handles(SearchResult r) {
        return r.hits().stream().map(SearchHit::handle).toList();
    }

    @Test
    void anExactHandleRanksFirstWithOrWithoutTheAt() {
        for (String q : List.of("rubyjohnson", "@rubyjohnson", "RubyJohnson")) {
            SearchResult r = search.search(SearchRequest.of(q, null, SearchFilters.NONE, 10));
            assertThat(handles(r)).as(q).first().isEqualTo("rubyjohnson");
            assertThat(r.hits().get(0).explanation().boosts()).contains("exact handle or name");
        }
    }

    @Test
    void anExactDisplayNameRanksFirst() {
        SearchResult r = search.search(SearchRequest.of("Name rubyjohnson", null, SearchFilters.NONE, 10));
        assertThat(handles(r)).first().isEqualTo("rubyjohnson");
    }

    @Test
    void theExplainedContributionsStillAddUpToTheScore() {
        SearchResult r = search.search(SearchRequest.of("ruby johnson", null, SearchFilters.NONE, 10));
        for (SearchHit h : r.hits()) {
            RankExplanation e = h.explanation();
            assertThat(e.keywordContribution()
                            + e.semanticContribution()
                            + e.nicheContribution()
                            + e.trustContribution()
                            + e.boostContribution())
                    .isEqualTo(h.score(), org.assertj.core.api.Assertions.within(1e-4));
        }
    }

    @Test
    void theDefaultOrderPutsMicroCreatorsWithTrustFirstAndSaysSo() {
        SearchResult r = search.search(SearchRequest.of(null, null, SearchFilters.NONE, 500));
        List<String> tiers = r.hits().stream().map(SearchHit::tier).toList();
        int micro = (int) tiers.stream().filter("micro"::equals).count();
        assertThat(micro).isGreaterThan(5);
        assertThat(tiers.subList(0, micro)).containsOnly("micro");
        assertThat(r.order()).startsWith("Sorted by fit for a micro-influencer campaign");
        List<Double> trust = r.hits().subList(0, micro).stream()
                .map(h -> h.trustScore() == null ? h.explanation().trustAssumed() : h.trustScore())
                .toList();
        assertThat(trust).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aBriefsCountryBecomesAFilterChipAndItsSizeWordsABoost() {
        String brief = "We sell organic vegan zinnia balm in Germany and want honest reviews from small creators";
        SearchResult r = search.search(SearchRequest.of(null, brief, SearchFilters.NONE, 10));
        assertThat(r.interpretedBrief())
                .extracting(SearchResult.BriefChipView::key, SearchResult.BriefChipView::mode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("country:DE", "filter"),
                        org.assertj.core.groups.Tuple.tuple("tier:micro", "boost"));
        assertThat(r.hits())
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.country()).isEqualTo("DE"));
        // Same content: the micro account ranks above the nano one, and no unrelated account comes before them.
        assertThat(handles(r).subList(0, 2)).containsExactly("serumde", "serumdenano");
        assertThat(r.hits().get(0).explanation().boosts()).contains("Size: Micro (5k–50k followers) (from the brief)");
    }

    @Test
    void aRemovedChipNoLongerFilters() {
        String brief = "organic vegan zinnia balm in Germany";
        SearchFilters ignore = SearchParameters.parse(Map.of("brief_ignore", "country:DE"));
        SearchResult r = search.search(SearchRequest.of(null, brief, ignore, 10));
        assertThat(r.interpretedBrief()).isEmpty();
        assertThat(handles(r)).contains("serumus");
        assertThat(handles(r)).first().isEqualTo("serumus");
    }

    @Test
    void aUserFilterOnTheSameFieldWinsOverTheBriefsChip() {
        String brief = "organic vegan zinnia balm in Germany";
        SearchResult r =
                search.search(SearchRequest.of(null, brief, SearchParameters.parse(Map.of("country", "US")), 10));
        assertThat(r.interpretedBrief())
                .singleElement()
                .satisfies(c -> assertThat(c.applied()).isFalse());
        assertThat(r.hits()).allSatisfy(h -> assertThat(h.country()).isEqualTo("US"));
    }

    @Test
    void aBriefMatchesOnlyAccountsCloserThanTheTypicalOneNotTheWholePool() {
        SearchResult r = search.search(SearchRequest.of(null, "organic vegan zinnia balm", SearchFilters.NONE, 10));
        long withEmbedding = fixture.accounts.size();
        assertThat(r.total()).isLessThan(withEmbedding);
        assertThat(handles(r)).contains("serumus", "serumde", "serumdenano");
    }
}
