package io.microreach.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.app.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command-line contract of {@code eval cohesion}, on a hand-made network in the SNAP ego-Facebook format (the
 * real files are read by the evaluation itself, docs/signals-community.md).
 */
class EvalCohesionCommandTest {
    private static final Path HOME = TestHomes.newHome("cohesion-cli");

    private static CliRun.Result run(String... args) {
        return CliRun.run(HOME, args);
    }

    @Test
    void printsTheScoreAgainstItsRandomisationsAndRefusesAMissingFolder() throws Exception {
        Path data = Files.createDirectories(HOME.resolve("public"));
        Path folder = Files.createDirectories(data.resolve("snap-ego-facebook"));
        StringBuilder edges = new StringBuilder();
        // four friend circles of ten, everyone friends with everyone in the circle, and a ring across circles
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 10; i++) {
                for (int j = i + 1; j < 10; j++) {
                    edges.append(c * 10 + i).append(' ').append(c * 10 + j).append('\n');
                }
            }
            edges.append(c * 10).append(' ').append((c + 1) % 4 * 10 + 5).append('\n');
        }
        Files.writeString(folder.resolve("1.edges"), edges);

        CliRun.Result r = run("eval", "cohesion", "--public-data", data.toString(), "--randomisations", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode network = new ObjectMapper().readTree(r.out()).get("networks").get(0);
        assertThat(network.get("name").asText()).isEqualTo("1");
        assertThat(network.get("nodes").asInt()).isEqualTo(40);
        assertThat(network.get("friendships").asInt()).isEqualTo(184);
        JsonNode after = network.get("after");
        assertThat(after.get("observed").asDouble())
                .isGreaterThan(after.get("degreePreserving").get("mean").asDouble() + 0.1);
        assertThat(network.get("before").get("z").isNull()).isTrue();

        CliRun.Result text = run("eval", "cohesion", "--public-data", data.toString(), "--randomisations", "3");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("degree-preserving")
                .contains("after mutual")
                .startsWith("3 ");

        CliRun.Result missing =
                run("eval", "cohesion", "--public-data", HOME.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(missing.err()).contains("snap-ego-facebook is missing");
        assertThat(run("eval", "cohesion").code()).isEqualTo(ExitCodes.UNUSABLE);
    }
}
