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
    void evalNichesOnPublicDataReportsEverySetAndNeedsTheFolder() throws Exception {
        // A hand-made miniature of the two shared sets, same file layout (the real files never enter the repository).
        Path data = HOME.resolve("public-data");
        Path reddit = Files.createDirectories(data.resolve("reddit_top2013"));
        StringBuilder csv = new StringBuilder("label,text\n");
        StringBuilder subs = new StringBuilder();
        String[][] rows = {
            {"fitness", "Fitness", "squats and deadlifts at the gym"}, {"fitness", "running", "my first 10k run"},
            {"food", "Cooking", "homemade lasagna recipe"}, {"food", "Baking", "sourdough bread with a crispy crust"},
            {"pets", "dogs", "our puppy learned to sit"}, {"pets", "cats", "my cat sleeping in a box"}
        };
        for (String[] r : rows) {
            csv.append(r[0]).append(',').append(r[2]).append('\n');
            subs.append(r[1]).append('\n');
        }
        Files.writeString(reddit.resolve("reddit_top2013.csv"), csv);
        Files.writeString(reddit.resolve("source_subreddit.txt"), subs);
        Path instagram = Files.createDirectories(data.resolve("instagram_influencer_kim2020"));
        StringBuilder captions = new StringBuilder("label,text\n");
        StringBuilder creators = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            captions.append(
                    i % 2 == 0
                            ? "food,pasta night with friends #foodie\n"
                            : "pets,walk with my dog #dogsofinstagram\n");
            creators.append(String.format("%012x", i)).append('\n');
        }
        Files.writeString(instagram.resolve("instagram_captions.csv"), captions);
        Files.writeString(instagram.resolve("creator_id.txt"), creators);

        CliRun.Result r = run("eval", "niches", "--public-data", data.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sets = new ObjectMapper().readTree(r.out()).get("sets");
        assertThat(sets).hasSize(6);
        assertThat(sets.get(1).get("set").asText()).contains("hold-out by subreddit");
        assertThat(sets.get(3).get("classifier").asText()).startsWith("reddit_top2013");
        for (JsonNode set : sets) {
            assertThat(set.get("unclearShare").asDouble()).isBetween(0.0, 1.0);
            assertThat(set.get("n").asInt()).isPositive();
        }
        assertThat(r.out()).doesNotContain("pasta night");

        CliRun.Result missing = run(
                "eval", "niches", "--public-data", HOME.resolve("no-such-dir").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(missing.err()).contains("--public-data").contains("no such folder");
        CliRun.Result empty = run("eval", "niches", "--public-data", HOME.toString());
        assertThat(empty.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(empty.err()).contains("reddit_top2013");
        assertThat(run("eval", "niches").code()).isEqualTo(ExitCodes.UNUSABLE);
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
