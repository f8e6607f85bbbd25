package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.niches.NicheClassification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A re-classification on its own ({@code classify}) reaches the search index without a {@code reindex}. */
class NicheIndexSyncTest extends SpringAppTest {
    @Autowired
    SearchIndex index;

    @Autowired
    SearchService search;

    @Autowired
    NicheClassification classification;

    @Test
    void reclassifyingEveryAccountUpdatesTheIndexedNiches() {
        emptyPublicTables();
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers, bio) VALUES"
                + " ('instagram', 'g1', 'gamer', 4000, 'Streaming the new RPG tonight on my gaming PC, esports and"
                + " console games every weekend')");
        index.rebuild(IndexProgress.NONE);
        SearchHit before = search.search(SearchRequest.of(null, null, SearchFilters.NONE, 5))
                .hits()
                .get(0);
        assertThat(before.niches()).as("not classified yet").isEmpty();

        classification.reclassifyAll(NicheClassification.Progress.NONE);

        List<String> stored = jdbc.queryForList(
                "SELECT niche_id FROM account_niche WHERE confidence >= 0.3 ORDER BY confidence DESC, niche_id",
                String.class);
        assertThat(stored).isNotEmpty();
        SearchHit after = search.search(SearchRequest.of(null, null, SearchFilters.NONE, 5))
                .hits()
                .get(0);
        assertThat(after.niches()).extracting(NicheScore::niche).containsAll(stored);
        SearchResult byNiche = search.search(SearchRequest.of(
                null,
                null,
                SearchFilters.builder().niches(List.of(stored.get(0)), null).build(),
                5));
        assertThat(byNiche.hits()).extracting(SearchHit::handle).containsExactly("gamer");
    }
}
