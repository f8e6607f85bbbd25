package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** generate --campaigns writes files that import takes without a rejection and that eval campaign checks. */
class EvalCampaignCommandTest {
    private static final Path HOME = TestHomes.newHome("campaign-cli");

    private static CliRun.Result run(String... args) {
        return CliRun.run(HOME, args);
    }

    @Test
    void generatedCampaignsImportCleanlyAndEvaluate() throws Exception {
        Path out = HOME.resolve("generated");
        CliRun.Result gen = run(
                "generate",
                "--creators",
                "60",
                "--seed",
                "4",
                "--posts-per-creator",
                "2",
                "--follower-sample",
                "0",
                "--commented-posts",
                "0",
                "--campaigns",
                "2",
                "--out",
                out.toString());
        assertThat(gen.code()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("Wrote 2 campaigns");
        Path campaigns = out.resolve("campaigns");
        for (String f : new String[] {
            "campaigns.json", "clicks.jsonl", "orders.jsonl", "campaign-posts.jsonl", "campaign-truth.jsonl"
        }) {
            assertThat(campaigns.resolve(f)).isNotEmptyFile();
        }

        CliRun.Result pool = run("import", out.resolve("data.jsonl").toString());
        assertThat(pool.code()).as(pool.out() + pool.err()).isZero();
        CliRun.Result posts =
                run("import", campaigns.resolve("campaign-posts.jsonl").toString());
        assertThat(posts.code()).as(posts.out() + posts.err()).isZero();
        assertThat(posts.out()).doesNotContain("Rejected");

        CliRun.Result eval = run("eval", "campaign", "--data", out.toString(), "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(eval.out());
        assertThat(json.get("campaigns").asInt()).isEqualTo(2);
        assertThat(json.get("attributionAccuracy").asDouble()).isGreaterThanOrEqualTo(0.99);
        assertThat(json.get("disclosureDetectionRate").isNull()
                        || json.get("disclosureDetectionRate").asDouble() == 1.0)
                .isTrue();
        for (String key : new String[] {
            "leakRecall", "leakFalseAlarmRate", "ugcRecall", "ugcPrecision", "screeningAccuracy", "goalsMet"
        }) {
            assertThat(json.has(key)).as(key).isTrue();
        }

        CliRun.Result text = run("eval", "campaign", "--data", campaigns.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("attribution").contains("coupon leaks").contains("UGC");
    }

    @Test
    void aMissingFolderOrFileExitsTwoNamingIt() throws Exception {
        CliRun.Result missing =
                run("eval", "campaign", "--data", HOME.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(missing.err()).contains("nowhere");

        Path partial = Files.createDirectories(HOME.resolve("partial").resolve("campaigns"));
        Files.writeString(partial.resolve("campaigns.json"), "{\"campaigns\":[]}");
        CliRun.Result noClicks = run("eval", "campaign", "--data", partial.toString(), "--json");
        assertThat(noClicks.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(noClicks.err()).contains("clicks.jsonl");
        assertThat(noClicks.out()).isEmpty();

        CliRun.Result bad = run(
                "generate",
                "--creators",
                "20",
                "--campaigns",
                "-1",
                "--out",
                HOME.resolve("g2").toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(bad.err()).contains("campaigns");

        CliRun.Result tooSmall = run(
                "generate",
                "--creators",
                "3",
                "--campaigns",
                "1",
                "--out",
                HOME.resolve("g3").toString());
        assertThat(tooSmall.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(tooSmall.err()).contains("data.jsonl").contains("at least 12 accounts");
    }
}
