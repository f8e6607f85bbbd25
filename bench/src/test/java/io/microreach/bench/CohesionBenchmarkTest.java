package io.microreach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the cohesion benchmark on a few hundred samples so that it keeps working; no timing is asserted. */
class CohesionBenchmarkTest {
    @Test
    void bothSidesAgreeOnEverySample() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        CohesionBenchmark.Result r =
                CohesionBenchmark.run(300, 200, 100, 1, 7, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(r.samples()).isEqualTo(300);
        assertThat(r.mismatches()).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("results agree on 300 of 300 samples");
    }

    @Test
    void samplesHaveTrianglesAndReciprocatedTies() {
        var samples = CohesionBenchmark.samples(50, 200, 100, 7);
        long clustered = samples.stream()
                .filter(s ->
                        CohesionBenchmark.baseline(s.nodes(), s.follows(), 10).clustering() != null)
                .count();
        long reciprocated = samples.stream()
                .filter(s ->
                        CohesionBenchmark.baseline(s.nodes(), s.follows(), 10).reciprocity() > 0)
                .count();

        assertThat(clustered).isEqualTo(50);
        assertThat(reciprocated).isEqualTo(50);
    }
}
