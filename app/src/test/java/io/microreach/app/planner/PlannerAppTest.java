package io.microreach.app.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.SpringAppTest;
import io.microreach.app.TestIdentity;
import io.microreach.app.importer.ImportProgress;
import io.microreach.app.importer.Importer;
import io.microreach.app.scoring.Scorer;
import io.microreach.app.scoring.ScoringProgress;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import io.microreach.planner.PlanningException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class PlannerAppTest extends SpringAppTest {
    @Autowired
    RateCardStore rateCards;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    Importer importer;

    @Autowired
    Scorer scorer;

    @Autowired
    PlanService plans;

    @TempDir
    Path dir;

    @BeforeEach
    void data() throws Exception {
        emptyPublicTables();
        new SyntheticDataGenerator(GeneratorConfig.of(40, 8)).generate(dir);
        importer.importFile(dir.resolve(SyntheticDataGenerator.DATA_FILE), ImportProgress.NONE);
        scorer.scoreAll(ScoringProgress.NONE);
    }

    @Test
    void scoringBuildsAnAudienceSketchPerAccount() {
        long accounts = jdbc.queryForObject("SELECT count(*) FROM account", Long.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audience_sketch", Long.class))
                .isEqualTo(accounts);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audience_sketch WHERE sample_size > 0 AND format_version = 1",
                        Long.class))
                .isPositive();
    }

    @Test
    void planFromAYamlBriefStaysWithinBudgetAndShowsAlternatives() {
        PlanResponse p = plans.plan(BriefReader.read("""
                budget: 3000
                currency: USD
                objective: engaged-reach
                deliverables: [post]
                constraints:
                  maxCreators: 6
                  maxBudgetShare: 0.5
                """));
        assertThat(p.creators()).isNotEmpty().hasSizeLessThanOrEqualTo(6);
        assertThat(p.totalCost()).isLessThanOrEqualTo(3000);
        assertThat(p.creators()).allSatisfy(c -> {
            assertThat(c.cost()).isLessThanOrEqualTo(1500);
            assertThat(c.forecast().engagements().p10())
                    .isLessThanOrEqualTo(c.forecast().engagements().p90());
            assertThat(c.price().estimated()).isTrue();
        });
        assertThat(p.alternatives())
                .extracting(PlanResponse.Alternative::name)
                .containsExactly("best single creator", "top followers");
        assertThat(p.objectiveValue())
                .isGreaterThanOrEqualTo(p.alternatives().get(1).objectiveValue() * 0.999);
    }

    @Test
    void rateCardReplacesTheEstimateAndMustIncludeIsIn() {
        String id = jdbc.queryForObject(
                "SELECT a.platform || ':' || lower(a.handle) FROM account a JOIN account_score s ON s.account_id = a.id"
                        + " WHERE a.platform = 'instagram' ORDER BY a.id LIMIT 1",
                String.class);
        long accountId = plans.findAccount(id, "x").orElseThrow();
        rateCards.upsert(accountId, io.microreach.pricing.Deliverable.POST, new java.math.BigDecimal("123"), "USD");
        PlanResponse p = plans.plan(BriefReader.read("budget: 2000\nconstraints:\n  mustInclude: [\"" + id + "\"]\n"));
        PlanResponse.Creator c =
                p.creators().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertThat(c.cost()).isEqualTo(123.0);
        assertThat(c.price().estimated()).isFalse();
        assertThat(c.reason()).isEqualTo("must include");
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> plans.plan(BriefReader.read("budget: 0")))
                .isInstanceOf(PlanningException.class)
                .hasMessageStartingWith("budget:");
        assertThatThrownBy(() -> plans.plan(BriefReader.read("budget: 1000\ncurrency: XYZ")))
                .hasMessageStartingWith("currency:");
        assertThatThrownBy(() -> plans.plan(
                        BriefReader.read("budget: 1000\nconstraints:\n  mustInclude: [instagram:nobody_here_xyz]")))
                .hasMessage("constraints.mustInclude: unknown creator instagram:nobody_here_xyz");
        assertThatThrownBy(() -> plans.plan(BriefReader.read("budget: 20\nconstraints:\n  minCreators: 5")))
                .hasMessageStartingWith("constraints.minCreators:");
        assertThatThrownBy(() -> plans.plan(BriefReader.read("budget: 1000\nobjective: fame")))
                .hasMessageStartingWith("objective:");
    }

    @Test
    void restPlanOverlapAndErrors() throws Exception {
        HttpResponse<String> ok = post("/api/plans", "{\"budget\": 2500, \"objective\": \"conversions\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode plan = mapper.readTree(ok.body());
        for (String key :
                List.of("creators", "totalCost", "objective", "objectiveValue", "guarantee", "alternatives")) {
            assertThat(plan.has(key)).as(key).isTrue();
        }
        JsonNode first = plan.get("creators").get(0);
        for (String key :
                List.of("id", "handle", "platform", "deliverables", "cost", "forecast", "marginalContribution")) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        HttpResponse<String> bad = post("/api/plans", "{\"budget\": -5}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(bad.body()).get("field").asText()).isEqualTo("budget");

        List<String> handles = jdbc.queryForList(
                "SELECT handle FROM account WHERE platform = 'instagram' ORDER BY id LIMIT 3", String.class);
        HttpResponse<String> overlap = get("/api/overlap?platform=instagram&handles=" + String.join(",", handles));
        assertThat(overlap.statusCode()).isEqualTo(200);
        JsonNode pairs = mapper.readTree(overlap.body()).get("pairs");
        assertThat(pairs).hasSize(6);
        assertThat(pairs.get(0).get("shareOfAInB").has("lower")).isTrue();
        assertThat(get("/api/overlap?platform=instagram&handles=nobody_xyz," + handles.get(0))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> look = get("/api/accounts/instagram/" + handles.get(0) + "/audience-lookalikes?limit=3");
        assertThat(look.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(look.body())).hasSizeLessThanOrEqualTo(3);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                TestIdentity.request(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
