package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import io.microreach.signals.commercial.evaluation.SponsorshipLabelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command-line contract of eval sponsorship, on a made-up miniature of the public data folder. */
class EvalSponsorshipCommandTest {
    private static final Path HOME = TestHomes.newHome("sponsorship-cli");
    private static final String DISCLOSED = "Paid partnership with @glowco! Brunch with @anna.";
    private static final String NEGATED = "this post (obviously) wasn't sponsored by @glowco";

    private static CliRun.Result run(String... args) {
        return CliRun.run(HOME, args);
    }

    @Test
    void printsScoresPerSplitAndRejectsAMissingFolder() throws Exception {
        Path data = HOME.resolve("data");
        Path set = Files.createDirectories(data.resolve("captions_set"));
        Files.writeString(set.resolve("captions.csv"), "label,text\nx,\"" + DISCLOSED + "\"\nx,\"" + NEGATED + "\"\n");
        Path labels = Files.writeString(
                HOME.resolve("sponsorship-labels.csv"),
                "set,file,row,text_sha1,split,stratum,label,brands,note\n"
                        + "captions_set,captions.csv,0," + SponsorshipLabelFile.hash(DISCLOSED)
                        + ",tune,test,disclosed," + SponsorshipLabelFile.hash("glowco") + ",\n"
                        + "captions_set,captions.csv,1," + SponsorshipLabelFile.hash(NEGATED)
                        + ",holdout,test,none,,negation\n");

        CliRun.Result r =
                run("eval", "sponsorship", "--public-data", data.toString(), "--labels", labels.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("all").get("n").asInt()).isEqualTo(2);
        assertThat(json.get("all").get("sponsored").get("precision").asDouble()).isEqualTo(1.0);
        assertThat(json.get("all").get("sponsored").get("recall").asDouble()).isEqualTo(1.0);
        assertThat(json.get("all").get("brands").get("precision").asDouble()).isEqualTo(1.0);
        assertThat(json.get("tune").get("n").asInt()).isEqualTo(1);
        assertThat(json.get("holdout").get("confusion").get("none").get("none").asInt())
                .isEqualTo(1);

        CliRun.Result text =
                run("eval", "sponsorship", "--public-data", data.toString(), "--labels", labels.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("sponsored").contains("holdout").contains("confusion");

        CliRun.Result missing = run(
                "eval",
                "sponsorship",
                "--public-data",
                HOME.resolve("nowhere").toString(),
                "--labels",
                labels.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(missing.err()).contains("nowhere").contains("not found");

        Path bad = Files.writeString(HOME.resolve("bad.csv"), "set,file,row\nx,y,1\n");
        CliRun.Result rejected =
                run("eval", "sponsorship", "--public-data", data.toString(), "--labels", bad.toString());
        assertThat(rejected.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(rejected.err()).contains("line 1");
    }
}
