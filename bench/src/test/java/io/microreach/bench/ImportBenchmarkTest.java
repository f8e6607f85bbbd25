package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microreach.domain.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercises the benchmark end to end on a tiny file so that it keeps working; timings are never asserted. */
class ImportBenchmarkTest {
    private static final int LINES = 300;

    @TempDir
    Path dir;

    @Test
    void measuresBothSidesAndStoresTheSameRows() throws Exception {
        Path input = dir.resolve("small.jsonl");
        Map<RecordType, Long> generated = SyntheticImportFile.write(input, LINES, 7);
        assertThat(Files.readAllLines(input)).hasSize(LINES);
        Path report = dir.resolve("report.json");
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--input", input.toString(),
                "--batch-size", "40",
                "--warmup-lines", "60",
                "--report", report.toString(),
                "--home", dir.resolve("home").toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        BenchmarkResult result = ImportBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
        result.writeJson(report);

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        for (String phase : new String[] {"baseline", "microreach", "reimport"}) {
            assertThat(json.path(phase).path("rows").asLong()).as(phase).isEqualTo(LINES);
            assertThat(json.path(phase).path("seconds").asDouble()).as(phase).isPositive();
            assertThat(json.path(phase).path("rowsPerSecond").asDouble())
                    .as(phase)
                    .isPositive();
            assertThat(json.path(phase).path("rejected").asLong()).as(phase).isZero();
            assertThat(json.path(phase).has("clientCpuSeconds")).as(phase).isTrue();
            assertThat(json.path(phase).has("serverCpuSeconds")).as(phase).isTrue();
        }
        for (RecordType type : RecordType.values()) {
            long expected = generated.get(type);
            assertThat(json.path("baseline").path("tableRows").path(type.id()).asLong())
                    .as("baseline " + type)
                    .isEqualTo(expected);
            assertThat(json.path("microreach").path("tableRows").path(type.id()).asLong())
                    .as("microreach " + type)
                    .isEqualTo(expected);
        }
        assertThat(json.path("microreach").path("changed").asLong()).isEqualTo(LINES);
        assertThat(json.path("microreach").path("waitingForParent").asLong()).isZero();
        assertThat(json.path("reimport").path("changed").asLong()).isZero();
        assertThat(json.path("reimport").path("unchanged").asLong()).isEqualTo(LINES);
        assertThat(json.path("microreach").path("ratio").isNumber()).isTrue();
        assertThat(json.path("environment").path("postgres").asText()).isNotBlank();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("COPY into bare tables", "microreach import", "microreach re-import");
    }

    @Test
    void generatorWritesEveryRecordTypeAndExactlyTheLinesAskedFor() throws Exception {
        Path file = dir.resolve("g.jsonl");
        Map<RecordType, Long> counts = SyntheticImportFile.write(file, 1_000, 1);

        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        assertThat(counts).allSatisfy((type, n) -> assertThat(n).as(type.id()).isPositive());
        assertThat(Files.readAllLines(file)).hasSize(1_000);
    }

    @Test
    void optionsHaveDefaultsAndRejectNonsense() {
        BenchmarkOptions options = BenchmarkOptions.parse("--input", "x.jsonl");
        assertThat(options.batchSize()).isEqualTo(20_000);
        assertThat(options.warmupLines()).isZero();
        assertThat(options.report()).isEqualTo(Path.of("bench/target/import-benchmark.json"));
        assertThat(BenchmarkOptions.parse("--input", "x.jsonl", "--warmup").warmupLines())
                .isEqualTo(BenchmarkOptions.DEFAULT_WARMUP_LINES);

        assertThatThrownBy(() -> BenchmarkOptions.parse("--batch-size", "10")).hasMessageContaining("--input");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--input", "x", "--batch-size", "0"))
                .hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--input", "x", "--bogus"))
                .hasMessageContaining("--bogus");
    }
}
