package io.microreach.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The index's life cycle: missing and stale indexes are rebuilt, imports and rescoring keep it in sync. */
class SearchIndexTest extends SpringAppTest {
    @Autowired
    SearchIndex index;

    @Autowired
    AccountLoader loader;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    @BeforeEach
    void empty() {
        emptyPublicTables();
        // Account ids restart at 1 after the truncation: drop what earlier tests indexed.
        index.rebuild(IndexProgress.NONE);
    }

    private long total(SearchIndex idx, String query) {
        SearchService s = new SearchService(idx, SearchSettings.DEFAULT, Optional::empty, () -> false);
        return s.search(SearchRequest.of(query, null, SearchFilters.NONE, 10)).total();
    }

    @Test
    void aMissingIndexIsBuiltOnFirstUseAndAStaleOneIsRebuilt() throws Exception {
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers, bio)"
                + " VALUES ('tiktok', '1', 'alpha', 10, 'kayak trips')");
        Path root = dir.resolve("search");
        try (SearchIndex fresh = new SearchIndex(root, loader, SearchSettings.DEFAULT)) {
            assertThat(fresh.check()).contains("missing");
            assertThat(total(fresh, "kayak")).isEqualTo(1);
            assertThat(fresh.check()).isNull();
        }
        Path built = root.resolve(Files.readString(root.resolve("CURRENT")).strip());
        // Pretend an older version wrote it: the schema marker in the commit data is what decides.
        try (var d = FSDirectory.open(built);
                IndexWriter w = new IndexWriter(
                        d, new IndexWriterConfig().setCodec(SearchIndex.codec(SearchSettings.DEFAULT)))) {
            w.setLiveCommitData(Map.of("microreach.schema", "0").entrySet());
            w.commit();
        }
        jdbc.update("INSERT INTO account (platform, platform_id, handle, followers, bio)"
                + " VALUES ('tiktok', '2', 'beta', 10, 'kayak races')");
        try (SearchIndex reopened = new SearchIndex(root, loader, SearchSettings.DEFAULT)) {
            assertThat(reopened.check()).contains("schema version 0");
            assertThat(total(reopened, "kayak")).isEqualTo(2);
            assertThat(reopened.check()).isNull();
            Path now = root.resolve(Files.readString(root.resolve("CURRENT")).strip());
            assertThat(now).isNotEqualTo(built);
            assertThat(built).doesNotExist(); // the old build is removed after the switch
        }
        // A CURRENT that names a folder that is gone is rebuilt too.
        Files.writeString(root.resolve("CURRENT"), "index-0");
        try (SearchIndex broken = new SearchIndex(root, loader, SearchSettings.DEFAULT)) {
            assertThat(broken.check()).contains("missing");
            assertThat(total(broken, "kayak")).isEqualTo(2);
        }
    }

    @Test
    void importAndRescoreUpdateTheIndexIncrementally() throws Exception {
        new SyntheticDataGenerator(GeneratorConfig.of(20, 3)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreQueued(ScoringProgress.NONE);
        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        SearchService search = new SearchService(index, SearchSettings.DEFAULT, Optional::empty, () -> false);
        SearchResult all = search.search(SearchRequest.of(null, null, SearchFilters.NONE, 500));
        assertThat(all.total()).isEqualTo(accounts);
        assertThat(all.hits()).allMatch(h -> h.trustScore() != null || h.engagementRate() == null);

        String handle = jdbc.queryForObject("SELECT handle FROM account ORDER BY id LIMIT 1", String.class);
        String platform = jdbc.queryForObject("SELECT platform FROM account ORDER BY id LIMIT 1", String.class);
        String platformId = jdbc.queryForObject("SELECT platform_id FROM account ORDER BY id LIMIT 1", String.class);
        assertThat(search.search(SearchRequest.of("zebracorn", null, SearchFilters.NONE, 10))
                        .total())
                .isZero();
        Path update = Files.writeString(
                dir.resolve("update.jsonl"),
                "{\"type\":\"account\",\"platform\":\"" + platform + "\",\"id\":\"" + platformId
                        + "\",\"handle\":\"" + handle + "\",\"followers\":777,\"bio\":\"now all about zebracorn\"}\n"
                        + "{\"type\":\"account\",\"platform\":\"bluesky\",\"id\":\"new-1\",\"handle\":\"newcomer\","
                        + "\"followers\":5}\n");
        importer.importFile(update, ImportProgress.NONE);
        scorer.scoreQueued(ScoringProgress.NONE);

        SearchResult found = search.search(SearchRequest.of("zebracorn", null, SearchFilters.NONE, 10));
        assertThat(found.hits()).singleElement().satisfies(h -> {
            assertThat(h.handle()).isEqualTo(handle);
            assertThat(h.followers()).isEqualTo(777);
        });
        assertThat(search.search(SearchRequest.of(
                                null,
                                null,
                                SearchFilters.builder().text("newcomer").build(),
                                10))
                        .total())
                .isEqualTo(1);
        assertThat(search.search(SearchRequest.of(null, null, SearchFilters.NONE, 500))
                        .total())
                .isEqualTo(accounts + 1);
    }
}
