package io.microreach.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.SpringAppTest;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
    Importer importer;

    @Autowired
    Scorer scorer;

    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(40, 5)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
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

        String json = jdbc.queryForObject(
                "SELECT scorecard::text FROM account_score WHERE trust_score IS NOT NULL LIMIT 1", String.class);
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
            "unavailable"
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
                .contains("real followers")
                .contains("engagement")
                .doesNotContain("Not scored yet");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
