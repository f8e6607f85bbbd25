package io.microreach.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.SpringAppTest;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * After an import that changes one account, the incremental rescore must leave every other account's percentiles
 * current without measuring it again.
 */
@RecordApplicationEvents
class PeerRefreshTest extends SpringAppTest {
    private static final String HEADLINE = "SELECT account_id, concat_ws('|', tier, trust_score, engagement_rate,"
            + " engagement_rate_pct, suspicious_share, reply_rate, anomaly_count) FROM account_score";

    @Autowired
    ApplicationEvents events;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ScorecardReader reader;

    @TempDir
    Path dir;

    /**
     * What an import changed decides what is re-derived: niches and audience sketches of the measured account only,
     * the search index for it and for the accounts whose headline numbers moved, not for the whole pool (re-deriving
     * every demo account made a 5-line import wait 24 s).
     */
    @Test
    void theRescoredEventNamesOnlyTheMeasuredAccountAndTheHeadlinesThatMoved() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(150, 11)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        Map<Long, String> before = headlines();
        // The lowest-ER account of the largest platform × tier group with percentiles.
        long aId = jdbc.queryForObject(
                "WITH g AS (SELECT a.platform, s.tier FROM account_score s JOIN account a ON a.id = s.account_id"
                        + " WHERE s.engagement_rate_pct IS NOT NULL GROUP BY a.platform, s.tier"
                        + " ORDER BY count(*) DESC, a.platform, s.tier LIMIT 1)"
                        + " SELECT s.account_id FROM account_score s JOIN account a ON a.id = s.account_id"
                        + " JOIN g ON g.platform = a.platform AND g.tier = s.tier"
                        + " WHERE s.engagement_rate IS NOT NULL ORDER BY s.engagement_rate, s.account_id LIMIT 1",
                Long.class);
        // A small import: its posts now have a billion likes each, lifting its ER above its peers'.
        Path file = dir.resolve("small.jsonl");
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> p : jdbc.queryForList(
                "SELECT platform, platform_id, account_platform_id, published_at, format FROM post"
                        + " WHERE account_id = ?",
                aId)) {
            lines.append("{\"type\":\"post\",\"platform\":\"")
                    .append(p.get("platform"))
                    .append("\",\"id\":\"")
                    .append(p.get("platform_id"))
                    .append("\",\"account_id\":\"")
                    .append(p.get("account_platform_id"))
                    .append("\",\"published_at\":\"")
                    .append(((Timestamp) p.get("published_at")).toInstant())
                    .append("\",\"format\":\"")
                    .append(p.get("format"))
                    .append("\",\"likes\":1000000000}\n");
        }
        Files.writeString(file, lines);
        importer.importFile(file, ImportProgress.NONE);
        events.clear();

        scorer.scoreQueued(ScoringProgress.NONE);

        List<AccountsRescored> rescored = events.stream(AccountsRescored.class).toList();
        assertThat(rescored).hasSize(1);
        AccountsRescored event = rescored.get(0);
        assertThat(event.wholePool()).isFalse();
        assertThat(event.measured()).containsExactly(aId);
        Map<Long, String> after = headlines();
        List<Long> moved = after.keySet().stream()
                .filter(id -> id != aId && !after.get(id).equals(before.get(id)))
                .sorted()
                .toList();
        assertThat(moved)
                .as("other accounts whose headline moved with the pool")
                .isNotEmpty();
        assertThat(event.accountIds()).first().isEqualTo(aId);
        assertThat(event.accountIds().subList(1, event.accountIds().size())).isEqualTo(moved);
        assertThat(event.accountIds().size()).isLessThan(after.size());
    }

    private Map<Long, String> headlines() {
        Map<Long, String> rows = new java.util.HashMap<>();
        jdbc.query(HEADLINE, rs -> {
            rows.put(rs.getLong(1), rs.getString(2));
        });
        return rows;
    }

    @Test
    void anotherAccountsPercentileFollowsTheChangedAccount() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(150, 11)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);

        // The largest platform × tier group with percentiles: its lowest-ER account A and another account B.
        Map<String, Object> group = jdbc.queryForMap("SELECT a.platform, s.tier, count(*) n FROM account_score s"
                + " JOIN account a ON a.id = s.account_id WHERE s.engagement_rate_pct IS NOT NULL"
                + " GROUP BY a.platform, s.tier ORDER BY count(*) DESC, a.platform, s.tier LIMIT 1");
        long n = (Long) group.get("n");
        assertThat(n).as("peer group size").isGreaterThanOrEqualTo(10);
        List<Map<String, Object>> members = jdbc.queryForList(
                "SELECT s.account_id, s.engagement_rate, s.engagement_rate_pct FROM account_score s"
                        + " JOIN account a ON a.id = s.account_id WHERE a.platform = ? AND s.tier = ?"
                        + " AND s.engagement_rate IS NOT NULL ORDER BY s.engagement_rate, s.account_id",
                group.get("platform"),
                group.get("tier"));
        long a = (Long) members.get(0).get("account_id");
        Map<String, Object> b = members.get(members.size() / 2);
        long bId = (Long) b.get("account_id");
        assertThat((Double) b.get("engagement_rate"))
                .isGreaterThan((Double) members.get(0).get("engagement_rate"));
        Timestamp bMeasured = jdbc.queryForObject(
                "SELECT measured_at FROM account_signals WHERE account_id = ?", Timestamp.class, bId);

        // A's posts now have a billion likes each: its median ER passes B's, so one peer fewer is below B.
        StringBuilder change = new StringBuilder();
        for (Map<String, Object> p : jdbc.queryForList(
                "SELECT p.platform, p.platform_id, p.account_platform_id, p.published_at, p.format FROM post p"
                        + " WHERE p.account_id = ?",
                a)) {
            change.append("{\"type\":\"post\",\"platform\":\"")
                    .append(p.get("platform"))
                    .append("\",\"id\":\"")
                    .append(p.get("platform_id"))
                    .append("\",\"account_id\":\"")
                    .append(p.get("account_platform_id"))
                    .append("\",\"published_at\":\"")
                    .append(((Timestamp) p.get("published_at")).toInstant())
                    .append("\",\"format\":\"")
                    .append(p.get("format"))
                    .append("\",\"likes\":1000000000}\n");
        }
        Path file = dir.resolve("change.jsonl");
        Files.writeString(file, change);
        importer.importFile(file, ImportProgress.NONE);
        assertThat(jdbc.queryForList("SELECT account_id FROM score_queue", Long.class))
                .containsExactly(a);

        ScoringReport report = scorer.scoreQueued(ScoringProgress.NONE);

        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        assertThat(report.accounts()).isEqualTo(1);
        assertThat(report.refreshed()).isEqualTo(accounts - 1);
        Map<String, Object> bAfter = jdbc.queryForMap(
                "SELECT engagement_rate, engagement_rate_pct FROM account_score WHERE account_id = ?", bId);
        assertThat(bAfter.get("engagement_rate")).isEqualTo(b.get("engagement_rate"));
        assertThat((Double) bAfter.get("engagement_rate_pct"))
                .isCloseTo(
                        (Double) b.get("engagement_rate_pct") - 100.0 / n, org.assertj.core.data.Offset.offset(1e-9));
        // B was re-assembled, not measured again; its scorecard as read carries the new percentile too.
        assertThat(jdbc.queryForObject(
                        "SELECT measured_at FROM account_signals WHERE account_id = ?", Timestamp.class, bId))
                .isEqualTo(bMeasured);
        assertThat(reader.scorecard(bId).orElseThrow().engagementRatePercentile())
                .isEqualTo((Double) bAfter.get("engagement_rate_pct"));
        assertThat(jdbc.queryForObject(
                        "SELECT engagement_rate_pct FROM account_score WHERE account_id = ?", Double.class, a))
                .isGreaterThan(95.0);
    }

    /**
     * Property against the exact reference (a full run): with no data changed, an incremental rescore re-assembles
     * every scorecard from the stored signals into exactly the scorecard the full run stored (but for its time).
     */
    @Test
    void reassemblingFromStoredSignalsReproducesEveryScorecard() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(60, 3)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        // Niches are classified after a scoring and used by the next one: score again so both runs see the same.
        scorer.scoreAll(ScoringProgress.NONE);
        Map<Long, String> before = scorecards();
        long one = jdbc.queryForObject("SELECT min(id) FROM account", Long.class);
        jdbc.update("INSERT INTO score_queue (account_id) VALUES (?)", one);

        ScoringReport report = scorer.scoreQueued(ScoringProgress.NONE);

        assertThat(report.refreshed()).isEqualTo(before.size() - 1);
        assertThat(scorecards()).isEqualTo(before);
    }

    /** Every scorecard as read (without its time) and every stored headline row (without its time). */
    private Map<Long, String> scorecards() {
        Map<Long, String> cards = new java.util.TreeMap<>();
        reader.forEachJson((id, card) -> cards.put(id, card.replaceAll("\"computedAt\":\"[^\"]*\"", "")));
        jdbc.query("SELECT account_id, (to_jsonb(s) - 'computed_at')::text FROM account_score s", rs -> {
            cards.merge(rs.getLong(1), rs.getString(2), (card, row) -> card + "\n" + row);
        });
        return cards;
    }
}
