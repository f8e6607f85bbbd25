package io.microreach.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.TestHomes;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.planner.BriefReader;
import io.microreach.app.planner.PlanService;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.app.search.SearchFilters;
import io.microreach.app.search.SearchHit;
import io.microreach.app.search.SearchRequest;
import io.microreach.app.search.SearchResult;
import io.microreach.app.search.SearchService;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Demo accounts mixed with real ones: marked from the demo's ground truth, hidden from searches, lookalikes and plans
 * once a real account exists (unless asked for), and removed with everything that belongs to them while the real
 * accounts, their posts and their shortlist entries stay.
 */
class DemoDataTest extends SpringAppTest {
    private static final String REAL = """
            {"type":"account","platform":"instagram","id":"r1","handle":"real.one","followers":5200,"bio":"Real creator one: vegan recipes"}
            {"type":"account","platform":"instagram","id":"r2","handle":"real.two","followers":8800,"bio":"Real creator two: trail running"}
            {"type":"account","platform":"tiktok","id":"r3","handle":"real.three","followers":15000,"bio":"Real creator three: board games"}
            {"type":"post","platform":"instagram","id":"rp1","account_id":"r1","published_at":"2026-03-01T18:30:00Z","format":"photo","caption":"lentil curry","likes":120,"comments":8}
            {"type":"post","platform":"instagram","id":"rp2","account_id":"r2","published_at":"2026-03-02T18:30:00Z","format":"photo","caption":"hill repeats","likes":90,"comments":4}
            """;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    SearchService search;

    @Autowired
    DemoAccounts demo;

    @Autowired
    PlanService plans;

    private SearchResult all(Boolean includeDemo) {
        return search.search(new SearchRequest(
                null, null, SearchFilters.builder().includeDemo(includeDemo).build(), null, null, 0, 500, false));
    }

    private Set<String> handles(SearchResult r) {
        return r.hits().stream().map(SearchHit::handle).collect(Collectors.toSet());
    }

    @Test
    void demoDataIsHiddenOnceRealDataExistsAndRemovedWithoutTouchingRealData() throws Exception {
        emptyPublicTables();
        Path dir = TestHomes.newHome("demo-mixed").resolve("demo-data");
        new SyntheticDataGenerator(GeneratorConfig.of(12, 5)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        int marked = demo.markFromGroundTruth(dir.resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE));
        long demoAccounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        assertThat(marked).isEqualTo(demoAccounts).isPositive();
        assertThat(demo.count()).isEqualTo(demoAccounts);

        // Only demo data: searches show it (labelled), there is nothing else to show.
        scorer.scoreAll(ScoringProgress.NONE);
        SearchResult onlyDemo = all(null);
        assertThat(onlyDemo.total()).isEqualTo(demoAccounts);
        assertThat(onlyDemo.hits()).allMatch(SearchHit::demo);
        assertThat(onlyDemo.demo().hidden()).isFalse();

        Path real = Files.writeString(dir.resolveSibling("real.jsonl"), REAL);
        importer.importFile(real, ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        assertThat(demo.count()).as("an import never marks demo data").isEqualTo(demoAccounts);

        SearchResult byDefault = all(null);
        assertThat(handles(byDefault)).containsExactlyInAnyOrder("real.one", "real.two", "real.three");
        assertThat(byDefault.hits()).noneMatch(SearchHit::demo);
        assertThat(byDefault.demo().hidden()).isTrue();
        assertThat(byDefault.demo().accounts()).isEqualTo(demoAccounts);
        SearchResult withDemo = all(true);
        assertThat(withDemo.total()).isEqualTo(demoAccounts + 3);
        assertThat(withDemo.hits().stream().filter(SearchHit::demo).count()).isEqualTo(demoAccounts);
        assertThat(withDemo.demo().hidden()).isFalse();
        assertThat(all(false).total()).isEqualTo(3);

        // Plans from a brief pick real creators only.
        Set<String> planned =
                plans.plan(BriefReader.read("budget: 100000\nconstraints:\n  minEvidence: none\n")).creators().stream()
                        .map(c -> c.id())
                        .collect(Collectors.toSet());
        assertThat(planned).isNotEmpty().allMatch(id -> id.contains(":real."));

        // A shortlist with a demo and a real creator.
        long list = jdbc.queryForObject(
                "INSERT INTO shortlist (workspace_id, name) SELECT id, 'mixed' FROM workspace WHERE name = 'default'"
                        + " RETURNING id",
                Long.class);
        jdbc.update(
                "INSERT INTO shortlist_entry (workspace_id, shortlist_id, account_id) SELECT s.workspace_id, s.id, a.id"
                        + " FROM shortlist s, account a WHERE s.id = ? AND (a.handle = 'real.one' OR a.id = (SELECT"
                        + " min(id) FROM account WHERE is_demo))",
                list);
        long realPosts = jdbc.queryForObject(
                "SELECT count(*) FROM post p JOIN account a ON a.id = p.account_id WHERE NOT a.is_demo", Long.class);

        DemoRemoval removed = demo.remove(ScoringProgress.NONE);
        assertThat(removed.accounts()).isEqualTo(demoAccounts);
        assertThat(removed.posts()).isPositive();
        assertThat(removed.shortlistEntries()).isEqualTo(1);
        assertThat(removed.rescoredAccounts()).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT handle FROM account ORDER BY handle", String.class))
                .containsExactly("real.one", "real.three", "real.two");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM post", Long.class)).isEqualTo(realPosts);
        for (String table : List.of("comment", "follower_sample", "follow_edge", "follower_count")) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class))
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_score", Long.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM shortlist_entry e JOIN account a ON a.id = e.account_id"
                                + " WHERE a.handle = 'real.one'",
                        Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM creator c WHERE NOT EXISTS (SELECT 1 FROM account a"
                                + " WHERE a.creator_id = c.id)",
                        Long.class))
                .isZero();
        // The index followed: even asking for demo data finds none.
        SearchResult after = all(true);
        assertThat(handles(after)).containsExactlyInAnyOrder("real.one", "real.two", "real.three");
        assertThat(after.demo().accounts()).isZero();
        assertThat(demo.remove(ScoringProgress.NONE).accounts())
                .as("nothing left to remove")
                .isZero();
    }
}
