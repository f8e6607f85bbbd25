package io.microreach.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.SpringAppTest;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Niche peer percentiles from {@code account_niche} rows inserted by the test (the niche classifier is elsewhere). */
class NichePeersTest extends SpringAppTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    io.microreach.app.scoring.ScorecardReader reader;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    @Test
    void componentsReportTheNichePercentileWhenTheNicheGroupIsLargeEnough() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(300, 21)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
        Map<String, Object> group = jdbc.queryForMap("SELECT a.platform, s.tier, count(*) n FROM account_score s"
                + " JOIN account a ON a.id = s.account_id WHERE s.engagement_rate IS NOT NULL"
                + " GROUP BY a.platform, s.tier ORDER BY count(*) DESC, a.platform, s.tier LIMIT 1");
        List<Map<String, Object>> members = jdbc.queryForList(
                "SELECT s.account_id, s.engagement_rate FROM account_score s JOIN account a ON a.id = s.account_id"
                        + " WHERE a.platform = ? AND s.tier = ? AND s.engagement_rate IS NOT NULL ORDER BY s.account_id",
                group.get("platform"),
                group.get("tier"));
        assertThat(members.size()).as("largest peer group").isGreaterThanOrEqualTo(34);
        // Every other member is in "fitness" (at least 30 with ER once two are left out below), a few in "food"
        // (too few peers), and one member has "fitness" only as its second niche: its primary niche is "travel".
        // The niche classifier ran after the scoring; plant the niches of this test instead.
        jdbc.update("DELETE FROM account_niche");
        List<Map<String, Object>> fitness = new java.util.ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            long id = (Long) members.get(i).get("account_id");
            if (i < 3) {
                insertNiche(id, "food", 0.9);
                insertNiche(id, "fitness", 0.2);
            } else if (i == 3) {
                insertNiche(id, "travel", 0.8);
            } else {
                insertNiche(id, "fitness", 0.7);
                fitness.add(members.get(i));
            }
        }

        // No rescoring needed: scorecards are assembled when read, against the niches as they are now.
        long noNiche = jdbc.queryForObject(
                "SELECT min(a.id) FROM account a WHERE NOT EXISTS (SELECT 1 FROM account_niche n WHERE n.account_id = a.id)"
                        + " AND EXISTS (SELECT 1 FROM account_score s WHERE s.account_id = a.id AND s.engagement_rate IS NOT NULL)",
                Long.class);

        long fitId = (Long) fitness.get(0).get("account_id");
        double er = (Double) fitness.get(0).get("engagement_rate");
        double below = fitness.stream()
                .filter(m -> (Double) m.get("engagement_rate") < er)
                .count();
        double equal = fitness.stream()
                .filter(m -> ((Double) m.get("engagement_rate")).equals(er))
                .count();
        JsonNode engagement = component(fitId, "engagement");
        String expectedGroup = group.get("platform") + "/" + group.get("tier") + "/fitness";
        assertThat(engagement.get("peerGroup").asText()).isEqualTo(expectedGroup);
        assertThat(engagement.get("nichePercentile").asDouble())
                .isCloseTo(100 * (below + equal / 2) / fitness.size(), org.assertj.core.data.Offset.offset(1e-9));
        // The platform × tier percentile stays the contract's "percentile".
        assertThat(engagement.get("percentile").asDouble())
                .isEqualTo(jdbc.queryForObject(
                        "SELECT engagement_rate_pct FROM account_score WHERE account_id = ?", Double.class, fitId));

        JsonNode food = component((Long) members.get(0).get("account_id"), "engagement");
        assertThat(food.get("nichePercentile").isNull()).isTrue();
        assertThat(food.get("nicheUnavailableReason").asText()).contains("too few niche peers: 3");

        JsonNode none = component(noNiche, "engagement");
        assertThat(none.get("nichePercentile").isNull()).isTrue();
        assertThat(none.get("nicheUnavailableReason").asText()).isEqualTo("no niche known for this account");

        JsonNode anomalies = component(fitId, "no_anomalies");
        assertThat(anomalies.get("nichePercentile").isNull()).isTrue();
        assertThat(anomalies.get("nicheUnavailableReason").asText()).isNotBlank();
    }

    private void insertNiche(long accountId, String niche, double confidence) {
        jdbc.update(
                "INSERT INTO account_niche (account_id, niche_id, confidence, source, computed_at)"
                        + " VALUES (?, ?, ?, 'model', now())",
                accountId,
                niche,
                confidence);
    }

    private JsonNode component(long accountId, String id) throws Exception {
        JsonNode card = mapper.readTree(reader.json(accountId).orElseThrow());
        for (JsonNode c : card.get("components")) {
            if (c.get("component").asText().equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new AssertionError("no component " + id + " in " + card.get("components"));
    }
}
