package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import io.microreach.generator.GeneratorConfig;
import io.microreach.generator.SyntheticDataGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * eval search on a small generated corpus: it loads the corpus, runs every judged query and reports nDCG@10 and
 * precision@10 per kind; exact handles must be found first (they were not before issue 17) and topical keyword queries
 * must reach a floor.
 */
class EvalSearchCommandTest {
    private static final Path HOME = TestHomes.newHome("eval-search-cli");
    private static final int CREATORS = 120;
    private static final long SEED = 1717;

    private static CliRun.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MicroreachCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    @Test
    void reportsTheMetricsOfAJudgedSetOnGeneratedData() throws Exception {
        // The same seed makes the same accounts, so handles to look up can be taken from a generation of our own.
        Path probe = HOME.resolve("probe");
        new SyntheticDataGenerator(GeneratorConfig.of(CREATORS, SEED)).generate(probe);
        ObjectMapper json = new ObjectMapper();
        List<String> truth = Files.readAllLines(probe.resolve(SyntheticDataGenerator.GROUND_TRUTH_FILE));
        JsonNode first = json.readTree(truth.get(3));
        JsonNode second = json.readTree(truth.get(40));
        String corpora = "{\"corpora\": {\"generated\": {\"creators\": " + CREATORS + ", \"seed\": " + SEED
                + "}, \"kim2020\": {\"creatorsPerCategory\": 5}}}";
        Path judgements = Files.writeString(
                HOME.resolve("judgements.jsonl"),
                String.join(
                        "\n",
                        corpora,
                        handleQuery("h1", first.path("handle").asText()),
                        handleQuery("h2", "@" + second.path("handle").asText()),
                        "{\"id\": \"k1\", \"corpus\": \"generated\", \"language\": \"en\", \"kind\": \"keywords\","
                                + " \"text\": \"gaming\", \"relevant\": {\"niches\": [\"gaming\"]}}",
                        "{\"id\": \"b1\", \"corpus\": \"generated\", \"language\": \"en\", \"kind\": \"brief\","
                                + " \"text\": \"We make travel backpacks and want honest reviews from small creators\","
                                + " \"relevant\": {\"niches\": [\"travel\"], \"prefer\": {\"tier\": [\"micro\"]}}}",
                        "{\"id\": \"p1\", \"corpus\": \"kim2020\", \"language\": \"en\", \"kind\": \"keywords\","
                                + " \"text\": \"makeup\", \"relevant\": {\"niches\": [\"beauty\"]}}"));

        CliRun.Result r = run(
                "eval",
                "search",
                "--judgements",
                judgements.toString(),
                "--work",
                HOME.resolve("work").toString(),
                "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = json.readTree(r.out());
        assertThat(report.at("/overall/queries").asInt()).isEqualTo(4);
        assertThat(report.at("/skipped/0").asText()).isEqualTo("p1");
        assertThat(report.at("/byKind/handle/ndcg10").asDouble()).isEqualTo(1.0);
        // One of ten places holds the account (two when another platform has an account with the same handle).
        assertThat(report.at("/byKind/handle/precision10").asDouble()).isBetween(0.1, 0.2);
        assertThat(report.at("/byKind/keywords/ndcg10").asDouble()).isGreaterThan(0.6);
        assertThat(report.at("/byKind/brief/precision10").asDouble()).isGreaterThan(0.3);
        for (JsonNode q : report.path("queries")) {
            assertThat(q.path("ndcg10").asDouble()).isBetween(0.0, 1.0);
            assertThat(q.path("grades").size()).isLessThanOrEqualTo(10);
        }

        // A second run reuses the loaded corpus and gives the same figures.
        CliRun.Result again = run(
                "eval",
                "search",
                "--judgements",
                judgements.toString(),
                "--work",
                HOME.resolve("work").toString(),
                "--json");
        assertThat(json.readTree(again.out()).path("overall")).isEqualTo(report.path("overall"));
    }

    private static String handleQuery(String id, String text) {
        String handle = text.startsWith("@") ? text.substring(1) : text;
        return "{\"id\": \"" + id + "\", \"corpus\": \"generated\", \"language\": \"any\", \"kind\": \"handle\","
                + " \"text\": \"" + text + "\", \"relevant\": {\"handle\": \"" + handle + "\"}}";
    }

    @Test
    void aMissingPublicDataFolderOrJudgementFileIsExitCode2() throws Exception {
        Path judgements = Files.writeString(HOME.resolve("j.jsonl"), "{\"corpora\": {}}\n");
        CliRun.Result noFolder = run(
                "eval",
                "search",
                "--judgements",
                judgements.toString(),
                "--public-data",
                HOME.resolve("nowhere").toString());
        assertThat(noFolder.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(noFolder.err()).contains("nowhere").contains("no such folder");
        CliRun.Result noFile = run(
                "eval", "search", "--judgements", HOME.resolve("missing.jsonl").toString());
        assertThat(noFile.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(noFile.err()).contains("missing.jsonl: no such file");
        Path typo = Files.writeString(
                HOME.resolve("typo.jsonl"),
                "{\"corpora\": {\"generated\": {\"creators\": 10, \"seed\": 1}}}\n{\"id\": \"x\", \"corpus\":"
                        + " \"generated\", \"langauge\": \"en\"}\n");
        CliRun.Result bad = run("eval", "search", "--judgements", typo.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(bad.err()).contains("line 2");
    }
}
