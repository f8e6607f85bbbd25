package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the scoring benchmark on a tiny pool so that it keeps working; timings are never asserted. */
class ScoringBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void copiesThePoolAndScoresEveryAccount() throws Exception {
        ScoringBenchmark.Options options = ScoringBenchmark.parse(
                "--home",
                dir.resolve("home").toString(),
                "--creators",
                "12",
                "--copies",
                "3",
                "--follower-sample",
                "20");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Map<String, Object> result =
                ScoringBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

        Map<String, Long> rows = (Map<String, Long>) result.get("rows");
        Map<String, Object> score = (Map<String, Object>) result.get("score");
        Map<String, Object> sql = (Map<String, Object>) result.get("sqlSubset");
        assertThat(rows.get("creator")).isEqualTo(36);
        assertThat(rows.get("account") % 3).isZero();
        assertThat(score.get("accounts")).isEqualTo(rows.get("account"));
        assertThat(sql.get("accounts")).isEqualTo(rows.get("account"));
        assertThat((Long) score.get("peakHeapMiB")).isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("microreach score:");
        // The copies' followers were packed while loading (as the scoring after an import packs them), every
        // account with followers once.
        Map<String, Object> packed =
                (Map<String, Object>) ((Map<String, Object>) result.get("load")).get("packFollowers");
        assertThat((Integer) packed.get("packs"))
                .isPositive()
                .isLessThanOrEqualTo(rows.get("account").intValue());
        assertThat(rows.get("follower_pack")).isEqualTo(((Integer) packed.get("packs")).longValue());
        assertThat(rows.get("follower_pack_data_bytes")).isPositive();
        assertThat(rows.get("follower_pack_table_bytes")).isGreaterThanOrEqualTo(rows.get("follower_pack_data_bytes"));

        // A second run on the same home reuses the data set; another size is refused.
        ScoringBenchmark.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ScoringBenchmark.run(
                        ScoringBenchmark.parse("--home", dir.resolve("home").toString(), "--creators", "13"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .hasMessageContaining("holds another data set");
    }
}
