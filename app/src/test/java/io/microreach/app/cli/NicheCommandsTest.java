package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command-line contract of niches, eval niches and classify. */
class NicheCommandsTest {
    private static final Path HOME = TestHomes.newHome("niches-cli");

    private static CliRun.Result run(String... args) {
        return CliRun.run(HOME, args);
    }

    @Test
    void nichesListsTheTaxonomy() throws Exception {
        CliRun.Result json = run("niches", "--json");
        assertThat(json.code()).isZero();
        JsonNode niches = new ObjectMapper().readTree(json.out());
        assertThat(niches).hasSize(18);
        assertThat(niches.get(1).get("id").asText()).isEqualTo("clean_beauty");
        assertThat(niches.get(1).get("name").asText()).isNotBlank();
        assertThat(niches.get(1).get("description").asText()).contains("Natural");

        CliRun.Result text = run("niches");
        assertThat(text.code()).isZero();
        assertThat(text.out().lines()).hasSize(18);
        assertThat(text.out()).contains("personal_development");
    }

    @Test
    void evalNichesPrintsTheMetricsAndRejectsUnknownNiches() throws Exception {
        Path labels = Files.writeString(
                HOME.resolve("labels.csv"),
                "label,text\n"
                        + "fitness,\"Leg day at the gym, squats and deadlifts #gymlife\"\n"
                        + "food,Homemade lasagna recipe and a lemon cake for dessert\n"
                        + "gaming|tech,Streaming the new RPG tonight on my gaming PC\n"
                        + "travel,\"Two weeks in Japan: hotels, trains and a travel itinerary\"\n");
        CliRun.Result r = run("eval", "niches", "--labels", labels.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("n").asInt()).isEqualTo(4);
        assertThat(json.get("macroF1").asDouble()).isBetween(0.3, 1.0);
        assertThat(json.get("microF1").asDouble()).isBetween(0.3, 1.0);
        assertThat(json.get("perNiche")).hasSize(18);
        assertThat(json.get("perNiche").get(0).has("precision")).isTrue();

        CliRun.Result text = run("eval", "niches", "--labels", labels.toString(), "--train", labels.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("macroF1").contains("microF1").contains("supervised(4 examples");

        Path bad = Files.writeString(HOME.resolve("bad.csv"), "label,text\nfitness,gym\nknitting,yarn\n");
        CliRun.Result rejected = run("eval", "niches", "--labels", bad.toString());
        assertThat(rejected.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(rejected.err()).contains("line 3").contains("unknown niche 'knitting'");

        assertThat(run("eval", "niches", "--labels", HOME.resolve("missing.csv").toString())
                        .code())
                .isEqualTo(ExitCodes.UNUSABLE);
        assertThat(run("eval", "niches", "--labels", labels.toString(), "--embedder", "bert")
                        .err())
                .contains("--embedder");
    }

    @Test
    void classifyReclassifiesTheStoredAccounts() throws Exception {
        Path file = Files.writeString(
                HOME.resolve("accounts.jsonl"),
                "{\"type\":\"account\",\"platform\":\"instagram\",\"id\":\"1\",\"handle\":\"a\",\"followers\":10,"
                        + "\"bio\":\"Trail running and hiking in the Alps\"}\n");
        assertThat(run("import", file.toString()).code()).isZero();
        CliRun.Result r = run("classify");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Classified 1 accounts").contains("0 embedded, 1 unchanged");
    }
}
