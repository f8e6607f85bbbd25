package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planner's command-line contract: `plan --brief FILE --json` and `overlap --platform P --handles A,B --json`. */
class PlannerCommandLineTest {
    private static final Path HOME = TestHomes.newHome("cli-plan");

    private static CliRun.Result run(String... args) {
        return CliRun.run(HOME, args);
    }

    @BeforeAll
    static void generatedAndImported() {
        Path data = HOME.resolve("data");
        CliRun.Result gen = run("generate", "--creators", "40", "--seed", "9", "--out", data.toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        CliRun.Result imp = run("import", data.resolve("data.jsonl").toString());
        assertThat(imp.code()).as(imp.err()).isZero();
    }

    @Test
    void planPrintsTheContractKeysAndStaysWithinBudget() throws Exception {
        Path brief = Files.writeString(
                HOME.resolve("brief.yaml"),
                "budget: 3000\ncurrency: USD\nobjective: engaged-reach\ndeliverables: [post]\n"
                        + "constraints:\n  maxCreators: 5\n");
        CliRun.Result r = run("plan", "--brief", brief.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(r.out());
        for (String key :
                List.of("creators", "totalCost", "objective", "objectiveValue", "guarantee", "alternatives")) {
            assertThat(plan.has(key)).as(key).isTrue();
        }
        assertThat(plan.get("creators").size()).isBetween(1, 5);
        assertThat(plan.get("totalCost").asDouble()).isLessThanOrEqualTo(3000);
        JsonNode first = plan.get("creators").get(0);
        for (String key :
                List.of("id", "handle", "platform", "deliverables", "cost", "forecast", "marginalContribution")) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(plan.get("alternatives").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badBriefsExitTwoNamingTheField() throws Exception {
        Path zero = Files.writeString(HOME.resolve("zero.yaml"), "budget: 0\ncurrency: USD\ndeliverables: [post]\n");
        CliRun.Result r = run("plan", "--brief", zero.toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("budget");

        CliRun.Result missing = run("plan", "--brief", HOME.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
    }

    @Test
    void theEvidenceMinimumIsAnOptionAndAnImpossibleOneIsAWarning() throws Exception {
        Path brief = Files.writeString(HOME.resolve("evidence.yaml"), "budget: 3000\n");
        CliRun.Result normal = run("plan", "--brief", brief.toString());
        assertThat(normal.code()).as(normal.err()).isZero();
        assertThat(normal.out())
                .contains("Evidence minimum: a trust score and at least 5 posts in 90 days;")
                .contains("Guarantee: This plan reaches at least")
                .doesNotContain("WARNING");
        CliRun.Result none = run("plan", "--brief", brief.toString(), "--min-posts", "100000", "--json");
        assertThat(none.code()).as(none.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(none.out());
        assertThat(plan.get("creators")).isEmpty();
        assertThat(plan.at("/explanation/excludedForEvidence").asInt())
                .isEqualTo(plan.at("/explanation/candidates").asInt());
        assertThat(plan.at("/explanation/warnings/0").asText()).startsWith("No creator qualifies");
        CliRun.Result text = run("plan", "--brief", brief.toString(), "--min-posts", "100000");
        assertThat(text.out()).startsWith("WARNING: No creator qualifies");
        CliRun.Result open = run("plan", "--brief", brief.toString(), "--min-posts", "0", "--no-trust-score-required");
        assertThat(open.out()).contains("Evidence minimum: none; 0 of");
    }

    @Test
    void overlapPrintsAMatrixWithBounds() throws Exception {
        CliRun.Result status = run("search", "--filter", "platform=instagram", "--limit", "3", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        JsonNode hits = new ObjectMapper().readTree(status.out()).get("hits");
        String handles = hits.get(0).get("handle").asText() + ","
                + hits.get(1).get("handle").asText();
        CliRun.Result r = run("overlap", "--platform", "instagram", "--handles", handles, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode pairs = new ObjectMapper().readTree(r.out()).get("pairs");
        assertThat(pairs.size()).isGreaterThanOrEqualTo(2);
        JsonNode share = pairs.get(0).get("shareOfAInB");
        assertThat(share.get("lower").asDouble())
                .isLessThanOrEqualTo(share.get("estimate").asDouble());
        assertThat(share.get("upper").asDouble())
                .isGreaterThanOrEqualTo(share.get("estimate").asDouble());

        CliRun.Result unknown = run("overlap", "--platform", "instagram", "--handles", "nobody_here,nor_this");
        assertThat(unknown.code()).isEqualTo(2);
    }

    @Test
    void evalForecastReportsTheShareOfHeldOutPostsInsideTheBand() throws Exception {
        CliRun.Result r = run("eval", "forecast", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("heldOut").asInt()).isGreaterThan(100);
        assertThat(j.get("inside").asInt()
                        + j.get("below").asInt()
                        + j.get("above").asInt())
                .isEqualTo(j.get("heldOut").asInt());
        // Planted truth: generated engagement varies log-normally post to post, which the band models.
        assertThat(j.get("coverage").asDouble()).isBetween(0.70, 0.90);
    }
}
