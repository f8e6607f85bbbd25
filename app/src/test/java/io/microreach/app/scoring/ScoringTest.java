package io.microreach.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class ScoringTest extends SpringAppTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    ScorecardReader reader;

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    ScoreStore store;

    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(40, 5)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
    }

    /**
     * Scorecards are assembled when read; the headline numbers the scorer stored (what search and lists filter on)
     * must be exactly the ones the reader's scorecard shows, for every account.
     */
    @Test
    void scorecardsAsReadAgreeWithTheStoredHeadlineNumbers() {
        scorer.scoreAll(ScoringProgress.NONE);
        int[] compared = {0};
        jdbc.query(
                "SELECT account_id, trust_score, engagement_rate, engagement_rate_pct, suspicious_share,"
                        + " reply_rate, sponsored_share, cohesion, anomaly_count, tier FROM account_score",
                rs -> {
                    var card = reader.scorecard(rs.getLong(1)).orElseThrow();
                    assertThat(card.trustScore()).isEqualTo((Double) rs.getObject(2));
                    assertThat(card.engagementRate()).isEqualTo((Double) rs.getObject(3));
                    assertThat(card.engagementRatePercentile()).isEqualTo((Double) rs.getObject(4));
                    assertThat(
                                    card.suspiciousShare() == null
                                            ? null
                                            : card.suspiciousShare().estimate())
                            .isEqualTo((Double) rs.getObject(5));
                    assertThat(card.replyRate()).isEqualTo((Double) rs.getObject(6));
                    assertThat(card.sponsoredShare()).isEqualTo((Double) rs.getObject(7));
                    assertThat(card.cohesion()).isEqualTo((Double) rs.getObject(8));
                    assertThat(card.anomalies().count()).isEqualTo(rs.getInt(9));
                    assertThat(card.tier()).isEqualTo(rs.getString(10));
                    compared[0]++;
                });
        assertThat(compared[0]).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM account", Integer.class));
        // Nothing but the headline numbers is stored per scoring: the old full JSON column stays empty.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_score WHERE scorecard IS NOT NULL", Long.class))
                .isZero();
    }

    /**
     * An installation upgraded from before V7 keeps what it stored: signals kept as JSON text are read (and an
     * incremental rescore re-assembles from them), and an account scored before signals were kept is served its
     * stored scorecard JSON until it is scored again.
     */
    @Test
    void packedSignalsRoundTripExactlyAndAForeignFormatIsRefused() {
        scorer.scoreAll(ScoringProgress.NONE);
        SignalsCodec codec = new SignalsCodec(
                tools.jackson.databind.json.JsonMapper.builder().build());
        jdbc.queryForList("SELECT account_id FROM account_signals", Long.class).forEach(id -> {
            var signals = store.signals(id).orElseThrow().signals();
            byte[] packed = codec.pack(signals);
            assertThat(packed[0]).isEqualTo(SignalsCodec.FORMAT);
            assertThat(codec.unpack(packed)).isEqualTo(signals);
        });
        byte[] foreign = {9, 0, 0, 0, 1, 0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.unpack(foreign))
                .hasMessageContaining("unknown format (first byte 9, expected 1)");
    }

    @Test
    void signalsAndScorecardsStoredByEarlierVersionsStayReadable() throws Exception {
        scorer.scoreAll(ScoringProgress.NONE);
        long a = jdbc.queryForObject("SELECT min(account_id) FROM account_signals", Long.class);
        long b = jdbc.queryForObject("SELECT max(account_id) FROM account_signals", Long.class);
        String cardA = reader.json(a).orElseThrow();
        // A: signals as JSON text (the V6 form); B: no signals, only a stored scorecard JSON (the V2 form).
        String textA = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .writeValueAsString(store.signals(a).orElseThrow().signals());
        jdbc.update("UPDATE account_signals SET signals = ?, packed = NULL WHERE account_id = ?", textA, a);
        jdbc.update("DELETE FROM account_signals WHERE account_id = ?", b);
        jdbc.update("UPDATE account_score SET scorecard = ?::jsonb WHERE account_id = ?", "{\"legacy\": true}", b);

        assertThat(mapper.readTree(reader.json(a).orElseThrow())).isEqualTo(mapper.readTree(cardA));
        assertThat(mapper.readTree(reader.json(b).orElseThrow()).get("legacy").asBoolean())
                .isTrue();

        jdbc.update("INSERT INTO score_queue (account_id) VALUES (?)", a);
        ScoringReport report = scorer.scoreQueued(ScoringProgress.NONE);

        // B had no signals, so it was measured again with A; both now have packed signals and no stored JSON.
        assertThat(report.accounts()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_signals WHERE packed IS NULL OR signals IS NOT NULL", Long.class))
                .isZero();
        assertThat(reader.scorecard(b)).isPresent();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_score WHERE scorecard IS NOT NULL", Long.class))
                .isZero();
    }

    @Test
    void scoringEveryAccountStoresAScorecardWithTheContractFields() throws Exception {
        ScoringReport report = scorer.scoreAll(ScoringProgress.NONE);

        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        assertThat(report.accounts()).isEqualTo(accounts);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_score", Long.class))
                .isEqualTo(accounts);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM score_queue", Long.class))
                .isZero();
        assertThat(report.withTrustScore()).isPositive();

        long scored = jdbc.queryForObject(
                "SELECT account_id FROM account_score WHERE trust_score IS NOT NULL ORDER BY account_id LIMIT 1",
                Long.class);
        String json = reader.json(scored).orElseThrow();
        JsonNode card = mapper.readTree(json);
        assertThat(card.has("trustScore")).isTrue();
        assertThat(card.get("tier").asText()).isIn("nano", "micro", "mid", "macro", "mega");
        for (String key : new String[] {
            "engagementRate",
            "suspiciousShare",
            "replyRate",
            "replyDelayHours",
            "sponsoredShare",
            "cohesion",
            "anomalies",
            "components",
            "unavailable",
            "trustLow",
            "trustHigh",
            "trustCoveredWeight",
            "missingEvidence",
            "engagementWindow"
        }) {
            assertThat(card.has(key)).as(key).isTrue();
        }
        if (!card.get("suspiciousShare").isNull()) {
            assertThat(card.get("suspiciousShare").has("estimate")).isTrue();
            assertThat(card.get("suspiciousShare").has("low")).isTrue();
            assertThat(card.get("suspiciousShare").has("high")).isTrue();
            assertThat(card.get("suspiciousShare").has("sampleSize")).isTrue();
        }
        assertThat(card.get("components")).hasSize(7);
        // A scored account's band holds its score and is as wide as the weight without data.
        assertThat(card.get("trustScore").asDouble())
                .isBetween(
                        card.get("trustLow").asDouble(), card.get("trustHigh").asDouble());
        assertThat(card.get("trustHigh").asDouble() - card.get("trustLow").asDouble())
                .isCloseTo(100 * (1 - card.get("trustCoveredWeight").asDouble()), within(0.2 + 1e-9));
        assertThat(card.get("details").get("engagement").has("window")).isTrue();
        JsonNode component = card.get("components").get(0);
        for (String key : new String[] {"value", "percentile", "weight", "contribution", "confidence", "evidenceIds"}) {
            assertThat(component.has(key)).as(key).isTrue();
        }
        // Every null headline metric says why.
        for (String key : new String[] {"engagementRate", "replyRate", "sponsoredShare", "cohesion"}) {
            if (card.get(key).isNull()) {
                assertThat(card.get("unavailable").toString()).contains(key);
            }
        }
    }

    @Test
    void anImportThatChangesAnAccountRescoresJustThatAccount() throws Exception {
        scorer.scoreAll(ScoringProgress.NONE);
        Map<String, Object> post =
                jdbc.queryForMap("SELECT p.platform, p.platform_id, p.account_platform_id, a.id account FROM post p"
                        + " JOIN account a ON a.id = p.account_id ORDER BY p.id LIMIT 1");
        Path change = dir.resolve("change.jsonl");
        Files.writeString(
                change,
                "{\"type\":\"post\",\"platform\":\"" + post.get("platform") + "\",\"id\":\"" + post.get("platform_id")
                        + "\",\"account_id\":\"" + post.get("account_platform_id")
                        + "\",\"published_at\":\"2026-10-30T10:00:00Z\",\"format\":\"photo\",\"likes\":123456}\n");
        importer.importFile(change, ImportProgress.NONE);
        assertThat(jdbc.queryForList("SELECT account_id FROM score_queue", Long.class))
                .containsExactly((Long) post.get("account"));

        ScoringReport report = scorer.scoreQueued(ScoringProgress.NONE);

        assertThat(report.accounts()).isEqualTo(1);
        assertThat(report.poolSize()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM account", Long.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM score_queue", Long.class))
                .isZero();
        assertThat(scorer.scoreQueued(ScoringProgress.NONE).accounts()).isZero();
    }

    @Test
    void restApiServesTheScorecardAndExplainsErrors() throws Exception {
        scorer.scoreAll(ScoringProgress.NONE);
        Map<String, Object> account = jdbc.queryForMap("SELECT platform, handle FROM account ORDER BY id LIMIT 1");

        HttpResponse<String> ok =
                get("/api/accounts/" + account.get("platform") + "/" + account.get("handle") + "/scorecard");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(ok.body()).get("handle").asText()).isEqualTo(account.get("handle"));

        HttpResponse<String> badPlatform = get("/api/accounts/myspace/x/scorecard");
        assertThat(badPlatform.statusCode()).isEqualTo(400);
        assertThat(badPlatform.body()).contains("platform").doesNotContain("Exception");

        HttpResponse<String> missing = get("/api/accounts/instagram/nobody-here/scorecard");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("nobody-here");

        HttpResponse<String> openApi = get("/v3/api-docs");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/accounts/{platform}/{handle}/scorecard");
    }

    @Test
    void creatorPageShowsTheTrustScorecardOnceScored() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM account ORDER BY id LIMIT 1", Long.class);
        assertThat(get("/creators/" + id).body()).contains("Not scored yet");

        scorer.scoreAll(ScoringProgress.NONE);

        String page = get("/creators/" + id).body();
        assertThat(page)
                .contains("Trust scorecard")
                .contains("Real followers")
                .contains("engagement")
                .doesNotContain("Not scored yet");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
