package io.microreach.app.niches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.AccountsRescored;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.niches.NicheScores;
import io.microreach.niches.TextEmbedder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class NicheClassificationTest extends SpringAppTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    NicheClassification classification;

    @Autowired
    NicheService service;

    @Autowired
    TextEmbedder embedder;

    @Autowired
    NicheStore store;

    @Autowired
    NicheModels models;

    @Autowired
    ApplicationEvents events;

    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        emptyPublicTables();
        jdbc.execute("TRUNCATE account_niche, niche_correction, account_embedding");
        new SyntheticDataGenerator(GeneratorConfig.of(60, 11).withFollowerSampleSize(5)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
    }

    @Test
    void theDefaultEmbedderIsTheFastPath() {
        assertThat(embedder.modelId()).isEqualTo(io.microreach.niches.StaticEmbedder.MODEL_ID);
    }

    @Test
    void scoringClassifiesEveryAccountAndRecoversThePlantedPrimaryNiche() throws Exception {
        scorer.scoreAll(ScoringProgress.NONE);

        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account_embedding", Long.class))
                .isEqualTo(accounts);
        // Every account has niches except the unclear ones, which have no model row at all (search, scorecards and the
        // planner then see an account without a niche).
        ClassificationReport report = classification.classifyAll(NicheClassification.Progress.NONE);
        assertThat(report.embedded()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT account_id) FROM account_niche", Long.class))
                .isEqualTo(accounts - report.unclear());
        assertThat(report.unclear()).isLessThan((int) (accounts * 0.15));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_embedding WHERE dims = ? AND model = ?",
                        Long.class,
                        embedder.dimensions(),
                        embedder.modelId()))
                .isEqualTo(accounts);

        Map<String, String> primary = plantedPrimary();
        int hits = 0;
        for (Map.Entry<String, String> e : primary.entrySet()) {
            List<String> top = jdbc.queryForList(
                    "SELECT n.niche_id FROM account_niche n JOIN account a ON a.id = n.account_id"
                            + " WHERE a.platform || '/' || a.platform_id = ? ORDER BY n.confidence DESC LIMIT 1",
                    String.class,
                    e.getKey());
            hits += top.equals(List.of(e.getValue())) ? 1 : 0;
        }
        // The shipped model recovers about 78% of planted primary niches (an unclear account counts as a miss).
        assertThat(hits / (double) primary.size()).isGreaterThan(0.65);
    }

    @Test
    void theClassifierReadsTheAccountsWordsAsWellAsItsEmbedding() {
        // The shipped model has a lexical part: the stored confidences are those of the embedding with the content
        // text's words, not of the embedding alone.
        classification.classifyAll(NicheClassification.Progress.NONE);
        long id = jdbc.queryForObject("SELECT min(account_id) FROM account_niche", Long.class);
        String text = store.contentTexts(List.of(id)).get(id);
        float[] vector = embedder.embed(text);
        NicheScores withWords = models.current().classify(vector, text);
        String top = withWords.scores().get(0).nicheId();
        double stored = jdbc.queryForObject(
                "SELECT confidence FROM account_niche WHERE account_id = ? AND niche_id = ? AND source = 'model'",
                Double.class,
                id,
                top);
        assertThat(stored).isCloseTo(withWords.confidence(top), within(1e-9));
        assertThat(models.current().classify(vector).confidence(top)).isNotCloseTo(stored, within(1e-9));
    }

    @Test
    void unchangedContentIsNotEmbeddedAgain() {
        ClassificationReport first = classification.classifyAll(NicheClassification.Progress.NONE);
        assertThat(first.embedded()).isEqualTo(first.accounts()).isPositive();
        ClassificationReport second = classification.classifyAll(NicheClassification.Progress.NONE);
        assertThat(second.embedded()).isZero();
        assertThat(second.reused()).isEqualTo(first.accounts());

        long id = jdbc.queryForObject("SELECT min(account_id) FROM account_niche", Long.class);
        jdbc.update("UPDATE account SET bio = 'Marathon training and trail running' WHERE id = ?", id);
        ClassificationReport third = classification.classifyAll(NicheClassification.Progress.NONE);
        assertThat(third.embedded()).isEqualTo(1);
    }

    @Test
    void correctionsWinOverReclassificationAndTrainTheSupervisedLayer() {
        classification.classifyAll(NicheClassification.Progress.NONE);
        long id = jdbc.queryForObject("SELECT min(account_id) FROM account_niche", Long.class);
        String top = service.nichesOf(id).get(0).nicheId();
        String other = top.equals("gaming") ? "finance" : "gaming";

        service.correct(id, Set.of(other), Set.of(top));
        assertThat(service.nichesOf(id))
                .anySatisfy(n -> {
                    assertThat(n.nicheId()).isEqualTo(other);
                    assertThat(n.confidence()).isEqualTo(1.0);
                    assertThat(n.source()).isEqualTo("correction");
                    assertThat(n.assigned()).isTrue();
                })
                .noneSatisfy(n -> assertThat(n.nicheId()).isEqualTo(top));

        ClassificationReport again = classification.classifyAll(NicheClassification.Progress.NONE);
        assertThat(again.classifier()).startsWith("supervised(1 examples");
        assertThat(service.nichesOf(id))
                .anySatisfy(n -> {
                    assertThat(n.nicheId()).isEqualTo(other);
                    assertThat(n.source()).isEqualTo("correction");
                })
                .noneSatisfy(n -> assertThat(n.nicheId()).isEqualTo(top));
        assertThat(service.correctionsOf(id)).containsEntry(other, true).containsEntry(top, false);
    }

    @Test
    void aCorrectionPublishesNicheCorrectedAndNotAccountsRescored() {
        classification.classifyAll(NicheClassification.Progress.NONE);
        long id = jdbc.queryForObject("SELECT min(account_id) FROM account_niche", Long.class);
        events.clear();

        service.correct(id, Set.of("pets"), Set.of());
        assertThat(events.stream(NicheCorrected.class)).containsExactly(new NicheCorrected(id));
        assertThat(events.stream(AccountsRescored.class)).isEmpty();

        assertThatThrownBy(() -> service.correct(id, Set.of("knitting"), Set.of()))
                .isInstanceOf(UnknownNicheException.class);
        assertThat(events.stream(NicheCorrected.class)).hasSize(1);
    }

    @Test
    void restListsTheTaxonomyAndAcceptsCorrections() throws Exception {
        classification.classifyAll(NicheClassification.Progress.NONE);
        JsonNode niches = mapper.readTree(get("/api/niches").body());
        assertThat(niches).hasSize(18);
        assertThat(niches.get(0).has("description")).isTrue();

        Map<String, Object> acc = jdbc.queryForMap("SELECT platform, handle FROM account ORDER BY id LIMIT 1");
        String path = "/api/accounts/" + acc.get("platform") + "/" + acc.get("handle") + "/niches";
        HttpResponse<String> before = get(path);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(before.body()).get("niches")).isNotEmpty();

        HttpResponse<String> bad = put(path, "{\"assigned\": [\"fitness\", \"knitting\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("knitting");

        HttpResponse<String> ok = put(path, "{\"assigned\": [\"pets\"], \"notAssigned\": [\"tech\"]}");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode after = mapper.readTree(ok.body());
        assertThat(after.get("niches").get(0).get("nicheId").asText()).isEqualTo("pets");
        assertThat(after.get("corrections")).hasSize(2);

        assertThat(get("/api/accounts/myspace/x/niches").statusCode()).isEqualTo(400);
        assertThat(get("/api/accounts/instagram/nobody-here-at-all/niches").statusCode())
                .isEqualTo(404);
        assertThat(get("/v3/api-docs").body()).contains("/api/accounts/{platform}/{handle}/niches");
    }

    private Map<String, String> plantedPrimary() throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE))) {
            JsonNode n = mapper.readTree(line);
            for (JsonNode niche : n.get("niches")) {
                if (niche.get("primary").asBoolean()) {
                    out.put(
                            n.get("platform").asText() + "/"
                                    + n.get("account_id").asText(),
                            niche.get("niche").asText());
                }
            }
        }
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
